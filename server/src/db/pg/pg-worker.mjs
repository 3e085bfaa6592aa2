// The PostgreSQL connection of a SyncPg (sync-pg.ts): one worker thread, one client, one request at a
// time. The main thread posts a request on `port` and sleeps on `flag`; this answers on `port` and wakes it.
// Notifications (LISTEN) go to the parent asynchronously, where the server's event loop reads them.
// A lost connection is made again (its search path and LISTENs with it) and the parent told, since
// notices sent meanwhile were never heard; a transaction the old connection took with it is refused,
// and a request made while it is down waits WAIT_MS at most before it is refused (SX003).
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import Cursor from 'pg-cursor';

// Counts and ids come back as numbers, as SQLite gives them (ids and counts stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

const { url, flag, port } = workerData;
const flags = new Int32Array(flag);
let live = null;
/** Statements that set the session up (the search path), run again on every new connection. */
const sessionSetup = [];
const channels = new Set();
let cursors = new Map();
let nextCursor = 1;
/** COPY … TO STDOUT streams being read, by id: their bytes gathered as they come, until asked for. */
const copiesOut = new Map();
let nextCopyOut = 1;
/** Bytes of a COPY TO handed over at once (fewer, larger answers), and held before the stream is paused. */
const COPY_OUT_BYTES = 1 << 20;
const COPY_OUT_HELD = 16 << 20;
/** Counts connections: a transaction belongs to the one it began on and dies with it. */
let generation = 1;
/** The connection the caller's transaction (or its last statement outside one) was on. */
let txGeneration = 1;
let reconnecting = null;
/** How long a request waits for a lost connection to come back before it is refused. */
const WAIT_MS = 2000;
let closed = false;

function connect() {
  const c = new pg.Client({ connectionString: url, application_name: 'shixiao' });
  c.on('notification', (n) =>
    parentPort.postMessage({ notification: { channel: n.channel, payload: n.payload, pid: n.processId } }),
  );
  c.on('error', (err) => lose(c, err.message));
  c.on('end', () => lose(c, 'the server closed the connection'));
  return c;
}

/** The connection broke: say so once, and start connecting again (backing off) so notices resume. */
function lose(c, message) {
  if (live !== c || closed) return;
  live = null;
  cursors = new Map();
  for (const out of copiesOut.values()) {
    out.error ??= Object.assign(new Error('the connection to PostgreSQL was lost while reading rows'), {
      code: 'SX002',
    });
    out.done = true;
    out.waiting?.();
  }
  parentPort.postMessage({ connectionError: message });
  void reconnect();
}

function reconnect() {
  reconnecting ??= (async () => {
    // A moment first (a server restarting is not hammered), then again and again, backing off.
    for (let wait = 250; ; wait = Math.min(wait * 2, 5000)) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      const c = connect();
      try {
        await c.connect();
        for (const sql of sessionSetup) await c.query(sql);
        for (const channel of channels) await c.query(`LISTEN ${channel}`);
        live = c;
        generation++;
        parentPort.postMessage({ reconnected: c.processID });
        return;
      } catch {
        c.removeAllListeners('end');
        await c.end().catch(() => undefined);
      }
    }
  })().finally(() => {
    reconnecting = null;
  });
  return reconnecting;
}

/** The connection for the next request: waits a moment for a lost one to be replaced. */
async function connection(req) {
  if (!live) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            Object.assign(new Error('PostgreSQL cannot be reached just now: the request was not made'), {
              code: 'SX003',
            }),
          ),
        WAIT_MS,
      );
    });
    try {
      await Promise.race([reconnect(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
  if (!req.inTransaction) txGeneration = generation;
  else if (txGeneration !== generation) {
    // The transaction began on a connection that is gone, and was rolled back with it: no statement
    // of it may run outside it on this one. The caller's rollback has nothing left to undo.
    if (req.op === 'query' && /^\s*ROLLBACK\b/iu.test(req.sql)) return null;
    throw Object.assign(
      new Error('the connection to PostgreSQL was lost during a transaction: nothing of it was kept'),
      { code: 'SX002' },
    );
  }
  return live;
}

/**
 * Answers request `seq` (the opener's is 0): posted first, then the flag raised and the waiter woken.
 * A reply's `transfer` (ArrayBuffers it alone holds) is moved across rather than copied.
 */
function wake({ transfer, ...reply }, seq) {
  port.postMessage({ ...reply, seq }, transfer ?? []);
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
  if (req.op === 'close') {
    closed = true;
    await live?.end();
    return {};
  }
  // A cursor lost with its connection: closing it is nothing to do, reading it is an error.
  if (req.op === 'closeCursor' && !cursors.has(req.cursor)) return {};
  if (req.op === 'closeCopy' && !copiesOut.has(req.copy)) return {};
  if (req.op === 'readCopy' && !copiesOut.has(req.copy))
    throw Object.assign(new Error('the connection to PostgreSQL was lost while reading rows'), {
      code: 'SX002',
    });
  if (req.op === 'read' && !cursors.has(req.cursor))
    throw Object.assign(new Error('the connection to PostgreSQL was lost while reading rows'), {
      code: 'SX002',
    });
  const client = await connection(req);
  if (!client) return { rows: [], fields: [], rowCount: 0 };
  switch (req.op) {
    case 'query': {
      // Without parameters the simple protocol runs several statements at once (migrations, exec).
      const query =
        req.params.length > 0
          ? { text: req.sql, values: req.params, rowMode: 'array' }
          : { text: req.sql, rowMode: 'array' };
      const r = await client.query(query);
      if (req.session) sessionSetup.push(req.sql);
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
        // Bytes arrive as a plain Uint8Array (a copy of the sender's buffer): seen as a Buffer, not copied again.
        for (const chunk of req.chunks)
          stream.write(
            typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
          );
        stream.end();
      });
      return { rowCount: stream.rowCount ?? 0 };
    }
    case 'copyOut': {
      const stream = client.query(copyTo(req.sql));
      const out = { stream, chunks: [], bytes: 0, done: false, error: null, waiting: null };
      const ready = () => {
        const waiting = out.waiting;
        out.waiting = null;
        waiting?.();
      };
      stream.on('data', (chunk) => {
        out.chunks.push(chunk);
        out.bytes += chunk.length;
        if (out.bytes >= COPY_OUT_HELD) stream.pause();
        if (out.bytes >= COPY_OUT_BYTES) ready();
      });
      stream.on('end', () => {
        out.done = true;
        ready();
      });
      stream.on('error', (err) => {
        out.error = err;
        out.done = true;
        ready();
      });
      const id = nextCopyOut++;
      copiesOut.set(id, out);
      return { copy: id };
    }
    case 'readCopy': {
      const out = copiesOut.get(req.copy);
      if (out.bytes < COPY_OUT_BYTES && !out.done) await new Promise((resolve) => (out.waiting = resolve));
      if (out.error) throw out.error;
      // In a buffer of its own, handed over whole: copied across, COPY's bytes cost the server's
      // thread a tenth of a model's start from PostgreSQL at a million premises.
      const bytes = new Uint8Array(out.bytes);
      let at = 0;
      for (const chunk of out.chunks) {
        bytes.set(chunk, at);
        at += chunk.length;
      }
      out.chunks = [];
      out.bytes = 0;
      out.stream.resume();
      return { bytes, done: out.done, transfer: [bytes.buffer] };
    }
    case 'closeCopy': {
      // Read to its end if it was left early: the connection is free for nothing else until then.
      const out = copiesOut.get(req.copy);
      copiesOut.delete(req.copy);
      if (out && !out.done) {
        out.stream.removeAllListeners('data');
        await new Promise((resolve) => {
          out.stream.on('end', resolve);
          out.stream.on('error', resolve);
          out.stream.resume();
        });
      }
      return {};
    }
    case 'listen': {
      await client.query(`LISTEN ${req.channel}`);
      channels.add(req.channel);
      return {};
    }
    default:
      throw new Error(`unknown request ${req.op}`);
  }
}

// The opener waits for this first answer, as for any request.
try {
  const c = connect();
  await c.connect();
  live = c;
  wake({ ready: true, pid: c.processID }, 0);
} catch (err) {
  wake(failure(err), 0);
}

port.on('message', async (req) => {
  try {
    wake(await handle(req), req.seq);
  } catch (err) {
    wake(failure(err), req.seq);
  }
});
