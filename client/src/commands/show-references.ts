import * as vscode from 'vscode';

interface JsonPosition {
  line: number;
  character: number;
}
interface JsonLocation {
  uri: string;
  range: { start: JsonPosition; end: JsonPosition };
}

const position = (p: JsonPosition) => new vscode.Position(p.line, p.character);

/**
 * The references code lens's command: the server sends plain JSON, VS Code's references peek
 * wants its own Uri, Position and Location objects.
 */
export function showReferences(uri: string, at: JsonPosition, locations: JsonLocation[]): Thenable<unknown> {
  return vscode.commands.executeCommand(
    'editor.action.showReferences',
    vscode.Uri.parse(uri),
    position(at),
    locations.map(
      (l) =>
        new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(position(l.range.start), position(l.range.end))),
    ),
  );
}
