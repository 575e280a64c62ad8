// A ward kept in the page's IndexedDB: registering a person writes its entry; reloading
// brings the same ward back. `window.kept` is there for the browser test.
import init, { open_in_indexeddb } from "gridward";

const show = (ward) => {
  document.getElementById("entries").textContent = String(ward.journal_length);
  document.getElementById("people").textContent = String(ward.grid.counts().people);
  document.getElementById("head").textContent = ward.head;
};

try {
  await init();
  const kept = await open_in_indexeddb("gridward-kept-example");
  window.kept = kept;
  show(kept.ward);
  const button = document.getElementById("register");
  button.disabled = false;
  button.addEventListener("click", async () => {
    const n = kept.ward.grid.counts().people + 1;
    kept.ward.grid.add_person({ id: `p${n}`, name: `居民${n}`, phone: null, party_member: false });
    await kept.written();
    show(kept.ward);
  });
  document.body.dataset.state = "ready";
} catch (e) {
  document.getElementById("error").textContent = String(e);
  document.body.dataset.state = "error";
}
