// The package's entry in browsers and bundlers: `await init()` fetches and instantiates
// the WebAssembly module (beside this file, or from `input`), once.
import initModule from "./wasm/gridward.js";

import { Ward } from "./api.js";

export * from "./api.js";

let ready;

/** Loads the WebAssembly module; resolves once it is ready. */
export default function init(input) {
  ready ??= initModule(input === undefined ? undefined : { module_or_path: input }).then(() => undefined);
  return ready;
}

// A ward kept in the page's IndexedDB: the journal's lines, one record per entry, and the
// configuration; reopening replays them (verifying every hash).

/** The result of an IndexedDB request, as a promise. */
function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves once the transaction has committed. */
function committed(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB transaction aborted"));
  });
}

/**
 * Opens the ward kept in this origin's IndexedDB database `name`, or starts one there
 * with `config` (used only when the database holds no ward). Every entry appended from
 * then on is written to the database as its command takes effect; `written()` resolves
 * once every entry so far has been committed (or rejects with the first write that
 * failed), and `close()` stops writing. Reloading the page and opening the same name
 * brings back the same ward, with the same head.
 */
export async function open_in_indexeddb(name, config) {
  const opening = indexedDB.open(name, 1);
  opening.onupgradeneeded = () => {
    opening.result.createObjectStore("journal", { keyPath: "seq" });
    opening.result.createObjectStore("meta");
  };
  const db = await done(opening);
  const reading = db.transaction(["journal", "meta"], "readonly");
  const [rows, kept] = await Promise.all([
    done(reading.objectStore("journal").getAll()),
    done(reading.objectStore("meta").get("config")),
  ]);
  let ward;
  if (kept === undefined) {
    ward = new Ward(config ?? null);
    const writing = db.transaction("meta", "readwrite");
    writing.objectStore("meta").put(ward.config(), "config");
    await committed(writing);
  } else {
    // Records come back in key order: the journal's order.
    ward = Ward.from_journal(rows.map((row) => row.line).join(""), kept);
  }
  let pending = Promise.resolve();
  let failure = null;
  const stop = ward.on_entry((line) => {
    const seq = JSON.parse(line).seq;
    const writing = db.transaction("journal", "readwrite");
    writing.objectStore("journal").put({ seq, line });
    const commit = committed(writing);
    pending = pending.then(() => commit).catch((e) => {
      failure ??= e;
    });
  });
  return {
    ward,
    async written() {
      await pending;
      if (failure) throw failure;
    },
    close() {
      stop();
      db.close();
    },
  };
}
