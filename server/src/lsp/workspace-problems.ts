import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { walkManifests } from '../analysis';
import { toLspDiagnostics } from './diagnostics';
import { uriToPath, type WorkbenchService } from './workbench-service';

/** At most this many candidate files are read in one scan; beyond it the Problems panel says so. */
export const MAX_SCANNED_FILES = 2000;
/** A file larger than this is left for when it is opened. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Every manifest of the workspace in the Problems panel without opening it (issue #16): a
 * background scan, with progress, that publishes what the open-document path would, for files
 * that are not open; files changed on disk are checked again; a closed document keeps its
 * problems from the disk. Bounded: `MAX_SCANNED_FILES` candidates, yielding between files.
 */
export class WorkspaceProblems {
  /** Files (not open) whose problems are published, by URI. */
  private readonly published = new Set<string>();
  private generation = 0;
  private capped = false;

  constructor(
    private readonly connection: Connection,
    private readonly service: WorkbenchService,
    private readonly isOpen: (uri: string) => boolean,
    private readonly options: () => { jsonSyntax: boolean },
    private readonly maxFiles = MAX_SCANNED_FILES,
  ) {}

  /** Scans the folders again from the start (a scan under way stops). */
  async scan(folders: string[]): Promise<{ files: number; manifests: number; capped: boolean }> {
    const generation = ++this.generation;
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Plugin Workbench: checking the workspace', 0, undefined, true);
    let files = 0;
    let manifests = 0;
    this.capped = false;
    try {
      const candidates = folders.flatMap((folder) => walkManifests(folder).files);
      if (candidates.length > this.maxFiles) this.capped = true;
      const scanned = candidates.slice(0, this.maxFiles);
      for (const file of scanned) {
        if (generation !== this.generation || progress?.token.isCancellationRequested) break;
        files++;
        if (await this.check(file)) manifests++;
        if (files % 20 === 0)
          progress?.report(Math.round((100 * files) / scanned.length), `${files} of ${scanned.length} files`);
        // Requests for open documents go first.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      progress?.done();
    }
    if (this.capped && generation === this.generation) {
      void this.connection.window.showInformationMessage(
        `Plugin Workbench checked the first ${this.maxFiles} candidate files of this workspace for the Problems panel; the others are checked when opened.`,
      );
    }
    return { files, manifests, capped: this.capped };
  }

  /** Files changed on disk: those not open are checked again (a deleted one loses its problems). */
  async changed(files: string[]): Promise<void> {
    for (const file of files) await this.check(file);
  }

  /** A document was closed: its problems now come from the file on disk. */
  closed(uri: string): Promise<boolean> {
    return this.check(uriToPath(uri), uri, true);
  }

  /** Publishes the problems of one file that is not open; true when it is a manifest. */
  private async check(file: string, knownUri?: string, force = false): Promise<boolean> {
    const uri = knownUri ?? pathToFileURL(file).href;
    if (this.isOpen(uri)) return false;
    let text: string | undefined;
    try {
      const stat = fs.statSync(file);
      if (stat.isFile() && stat.size <= MAX_FILE_BYTES) text = fs.readFileSync(file, 'utf8');
    } catch {
      text = undefined; // deleted or unreadable
    }
    let diagnostics: Diagnostic[] = [];
    let manifest = false;
    if (text !== undefined) {
      const document = TextDocument.create(uri, 'plaintext', 0, text);
      try {
        const analysis = await this.service.analyze(document);
        manifest = !!analysis.kind;
        if (analysis.kind)
          diagnostics = toLspDiagnostics(document, analysis.diagnostics, analysis.settings, this.options());
      } catch {
        // Cancelled: the file was opened meanwhile and its own analysis superseded this one.
        return false;
      } finally {
        // Not kept: a scanned file's tree would stay in memory until the file is opened. An open
        // document's analysis (maybe in flight) is its own: invalidating would cancel it.
        if (!this.isOpen(uri)) this.service.invalidate(uri);
      }
    }
    if (this.isOpen(uri)) return manifest; // opened meanwhile: the open document's diagnostics win
    if (diagnostics.length || this.published.has(uri) || force) {
      await this.connection.sendDiagnostics({ uri, diagnostics });
      if (diagnostics.length) this.published.add(uri);
      else this.published.delete(uri);
    }
    return manifest;
  }
}
