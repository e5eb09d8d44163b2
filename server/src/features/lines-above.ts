/**
 * The lines above a line of a YAML text, nearest first, up to its document's `---` line or the
 * text's start: what `text.slice(0, lineStart).split('\n')` gives after that line, without its
 * last piece (the cursor's line, or its part before a lone CR), read backwards one line at a time
 * as a walk asks for them. Completion in a 20,000-line document walks the few lines above the
 * cursor that decide its path; splitting all of them was most of its time.
 */
export class LinesAbove {
  private readonly lines: string[] = [];
  /** Where the next line up ends (its `\n`); -1 once the document's start is reached. */
  private end: number;
  private start = 0;

  constructor(
    private readonly text: string,
    lineStart: number,
  ) {
    this.end = lineStart === 0 ? -1 : text.lastIndexOf('\n', lineStart - 1);
  }

  /** The `k`-th line above (0: the nearest); undefined above the document's first line. */
  at(k: number): string | undefined {
    while (this.lines.length <= k && this.end >= 0) this.readOne();
    return this.lines[k];
  }

  /** Where the document starts: just after its `---` line, else 0. Reads every line up to it. */
  documentStart(): number {
    while (this.end >= 0) this.readOne();
    return this.start;
  }

  private readOne(): void {
    const end = this.end;
    // lastIndexOf from -1 looks at index 0: the first line needs no search.
    const begin = end === 0 ? 0 : this.text.lastIndexOf('\n', end - 1) + 1;
    const line = this.text.slice(begin, end);
    if (/^---(\s|$)/.test(line)) {
      this.start = end + 1;
      this.end = -1;
      return;
    }
    this.lines.push(line);
    this.end = begin - 1;
  }
}
