// The custom messages between the extension and the language server, typed once and imported by
// both sides (the client through this file only; it pulls in no server code). Plain method names
// with their types, no message classes: the client's activation must not load the LSP protocol
// library just for these (each side passes `.method` to its own connection).

/** A request: its method name, with its parameter and result types for both sides. */
export interface Request<P, R> {
  readonly method: string;
  /** Types only, never set. */
  readonly types?: { params: P; result: R };
}

/** A notification: its method name, with its parameter type. */
export interface Notification<P> {
  readonly method: string;
  readonly types?: { params: P };
}

export type ParamsOf<T> = T extends Request<infer P, unknown> ? P : T extends Notification<infer P> ? P : never;
export type ResultOf<T> = T extends Request<unknown, infer R> ? R : never;

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

export const ClassificationRequest: Request<{ uri: string }, ClassificationResult | null> = {
  method: 'pluginWorkbench/classification',
};

/** Trust granted or revoked in the editor: checksums may be read from now on (or not). */
export const SetTrustedNotification: Notification<{ trusted: boolean }> = { method: 'pluginWorkbench/setTrusted' };

/**
 * Sent right after the diagnostics of a document's version are published, to clients that ask
 * for it (initializationOptions.classifiedNotifications): what the status bar shows, from the
 * analysis that produced those diagnostics, so that the client never has to start one.
 */
export interface ClassifiedParams {
  uri: string;
  version: number;
  classification: ClassificationResult | null;
}

export const ClassifiedNotification: Notification<ClassifiedParams> = { method: 'pluginWorkbench/classified' };
