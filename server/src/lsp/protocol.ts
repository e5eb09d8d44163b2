// The custom messages between the extension and the language server, typed once and imported by
// both sides (the client through this file only; it pulls in no server code).
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** What the status bar shows for a document; null when the file is no manifest of ours. */
export interface ClassificationResult {
  kind: string;
  system: string;
  /** The system's display name. */
  systemName: string;
  title: string;
  source: string;
  trusted: boolean;
  disabled: boolean;
  error: number;
  warning: number;
}

export const ClassificationRequest = new RequestType<{ uri: string }, ClassificationResult | null, void>(
  'pluginWorkbench/classification',
);

/** Trust granted or revoked in the editor: checksums may be read from now on (or not). */
export const SetTrustedNotification = new NotificationType<{ trusted: boolean }>('pluginWorkbench/setTrusted');
