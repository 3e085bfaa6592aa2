// The PostgreSQL connection of a SyncPg (sync-pg.ts): one worker thread, one client, one request at a
// time. The main thread posts a request on `port` and sleeps on `flag`; this answers on `port` and wakes it.
// Notifications (LISTEN) go to the parent asynchronously, where the server's event loop reads them.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import Cursor from 'pg-cursor';

// Counts and ids come back as numbers, as SQLite gives them (ids and counts stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

const { url, flag, port } = workerData;
const flags = new Int32Array(flag);
const client = new pg.Client({ connectionString: url, application_name: 'shixiao' });
const cursors = new Map();
let nextCursor = 1;

function wake(reply) {
  port.postMessage(reply);
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
}

function failure(err) {
  return {
    error: {
      message: err.message,
      code: err.code,
      detail: err.detail,
      table: err.table,
      column: err.column,
      constraint: err.constraint,
    },
  };
}

async function handle(req) {
  switch (req.op) {
    case 'query': {
      // Without parameters the simple protocol runs several statements at once (migrations, exec).
      const query =
        req.params.length > 0
          ? { text: req.sql, values: req.params, rowMode: 'array' }
          : { text: req.sql, rowMode: 'array' };
      const r = await client.query(query);
      // A multi-statement text answers an array of results: the last one is what a caller wants.
      const last = Array.isArray(r) ? r[r.length - 1] : r;
      return {
        rows: last.rows ?? [],
        fields: (last.fields ?? []).map((f) => f.name),
        rowCount: last.rowCount ?? 0,
      };
    }
    case 'open': {
      const cursor = client.query(new Cursor(req.sql, req.params, { rowMode: 'array' }));
      const id = nextCursor++;
      cursors.set(id, cursor);
      return { cursor: id };
    }
    case 'read': {
      const cursor = cursors.get(req.cursor);
      const rows = await cursor.read(req.count);
      return { rows, fields: (cursor._result?.fields ?? []).map((f) => f.name) };
    }
    case 'closeCursor': {
      const cursor = cursors.get(req.cursor);
      cursors.delete(req.cursor);
      if (cursor) await cursor.close();
      return {};
    }
    case 'copy': {
      const stream = client.query(copyFrom(req.sql));
      await new Promise((resolve, reject) => {
        stream.on('error', reject);
        stream.on('finish', resolve);
        for (const chunk of req.chunks) stream.write(chunk);
        stream.end();
      });
      return { rowCount: stream.rowCount ?? 0 };
    }
    case 'listen': {
      await client.query(`LISTEN ${req.channel}`);
      return {};
    }
    case 'close': {
      await client.end();
      return {};
    }
    default:
      throw new Error(`unknown request ${req.op}`);
  }
}

client.on('notification', (n) =>
  parentPort.postMessage({ notification: { channel: n.channel, payload: n.payload, pid: n.processId } }),
);
client.on('error', (err) => parentPort.postMessage({ connectionError: err.message }));

// The opener waits for this first answer, as for any request.
try {
  await client.connect();
  wake({ ready: true, pid: client.processID });
} catch (err) {
  wake(failure(err));
}

port.on('message', async (req) => {
  try {
    wake(await handle(req));
  } catch (err) {
    wake(failure(err));
  }
});
