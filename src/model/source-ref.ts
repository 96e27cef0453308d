/** Where a record came from, so every problem can point at a file and line (1-based; the header is line 1). */
export interface SourceRef {
  file: string;
  line: number;
}
