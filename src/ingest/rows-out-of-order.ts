/**
 * Thrown by Dataset.parts with PartsOptions.inOrder when a file's rows are not grouped by ego in the ego
 * file's order: whatever was read is then wrong, and the caller reads the dataset again without inOrder.
 */
export class RowsOutOfOrder extends Error {
  constructor(readonly file: string) {
    super(`bug: the rows of ${file} are not in the ego file's order, and reading them as if they were was not undone`);
  }
}
