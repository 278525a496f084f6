import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect();
await c.run("SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0");
await c.run("COPY (SELECT range AS a, 'x' || range AS b FROM range(30000000)) TO '/tmp/pw/big.csv'");
const p = c.run("CREATE TABLE t AS SELECT * FROM read_csv('/tmp/pw/big.csv')");
const iv = setInterval(() => console.log(c.progress.percentage + " " + c.progress.rows_processed), 200);
await p; clearInterval(iv); console.log('done', c.progress.percentage + " " + c.progress.rows_processed);
