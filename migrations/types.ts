// A migration is plain SQL run through the raw connection, inside the runner's single transaction.
// Files here are ordered and never edited after release; add a new one instead.
export interface SqlConnection {
  exec(sql: string): unknown;
}

export interface Migration {
  version: number;
  name: string;
  up(db: SqlConnection): void;
}
