// Compiled (never run) by `tsc -p bindings-wasm/tsconfig.json` under --strict: the tasks
// capability's methods take and return real types; each `@ts-expect-error` proves a wrong
// use is caught (it would go unnoticed, and the directive be unused, under `any`).
import init, {
  Ward, is_gridward_error,
  type Receipt, type RequestRow, type WhistleRow, type Indicators, type RouteView,
  type CategoryView, type TasksConfig, type TaskCommand, type CommandIn, type Event,
  type Status, type Satisfaction, type Responsible, type Open311Service, type Open311Request,
  type ImportedRequestIn, type Limit, type ErrorCode,
} from "gridward";

export async function tasks(): Promise<string | null> {
  await init();
  const ward = new Ward({ tasks: { max_open_claims: 2, correction_window: "15wd", calendar: { holidays: ["2026-04-06"] } } });
  const { tasks } = ward;
  const config: TasksConfig | undefined = ward.config().tasks;
  const window: Limit | undefined = config?.correction_window;
  const at = "2026-03-02T09:00:00+08:00";
  const filed: Receipt = tasks.file(
    { id: "r-1", category: "neighbour_help", location: { household: "1-101" }, description: "楼道灯坏了" },
    { actor: "r1", at, key: "file-r-1" });
  tasks.dispatch({ request: "r-1", to: { pool: "510105001001001001" } }, { actor: "chief" });
  tasks.dispatch({ request: "r-1" });
  tasks.claim({ request: "r-1", donor: null }, { actor: "pm1" });
  tasks.release_claim({ request: "r-1" });
  tasks.offer_handover({ request: "r-1", to: "vol" }, { actor: "pm1" });
  tasks.accept_handover({ request: "r-1" }, { actor: "vol" });
  tasks.start({ request: "r-1" }, { actor: "vol", at: new Date() });
  tasks.handle({ request: "r-1", report: "已修好", photos: ["p.jpg"] }, { actor: "vol" });
  tasks.verify({ request: "r-1", passed: true, note: "ok" }, { actor: "w1" });
  tasks.rate({ request: "r-1", level: "very_satisfied", comment: "谢谢" }, { actor: "r1" });
  tasks.return_request({ request: "r-1", reason: "x" });
  tasks.cancel({ request: "r-1", reason: "x" });
  tasks.mark_duplicate({ request: "r-1", of: "r-0" });
  tasks.reopen({ request: "r-1", reason: "x" });
  tasks.extend({ request: "r-1", reason: "x" });
  tasks.whistle({ request: "r-1", departments: ["cg"], reason: "x" }, { actor: "sa" });
  tasks.report({ request: "r-1", department: "cg", report: "x" }, { actor: "o1" });
  tasks.supervise({ request: "r-1", reason: "x" });
  tasks.sweep();
  tasks.sweep({ scope: "510105001001" }, { actor: "chief" });
  tasks.set_skills({ person: "pm1", skills: ["elder_care"] });
  tasks.appoint_officer({ department: "cg", person: "o1" });
  tasks.remove_officer({ department: "cg", person: "o1" });
  const incoming: ImportedRequestIn[] = [
    { id: "e-1", category: "dirty_road", location: { unit: "510105001001001" }, filed_at: new Date(), status: "open" },
    { id: "e-2", category: "dirty_road", location: { unit: "510105001001001" }, filed_at: at, status: "closed", updated_at: at },
  ];
  tasks.import_requests({ requests: incoming });
  tasks.import_open311({ feed: "[]" }, { actor: "chief" });
  const command: TaskCommand = { type: "rate", request: "r-1", level: "satisfied" };
  const wrapped: CommandIn = { tasks: command };
  ward.execute(wrapped);
  const events: Event[] = ward.decide({ tasks: { type: "sweep" } });
  const first = events[0];
  const taskType: string | null = first && "tasks" in first ? first.tasks.type : null;

  const row: RequestRow | null = tasks.request({ id: "r-1" });
  const status: Status | undefined = row?.status;
  const rating: Satisfaction | null | undefined = row?.rating;
  const responsible: Responsible | undefined = row?.responsible;
  const whistles: WhistleRow[] = row?.whistles ?? [];
  const all: RequestRow[] = tasks.requests();
  const pooled: RequestRow[] = tasks.requests({ scope: "510105001001", status: "pooled" });
  const route: RouteView = tasks.route({ category: "dirty_road", location: { unit: "510105001001001" } });
  const who: string | undefined = route.kind === "person" ? route.person : undefined;
  const claimable: RequestRow[] = tasks.claimable_by({ person: "pm1" });
  const month: Indicators = tasks.indicators({ scope: "510105001001", start: at, end: new Date() });
  const rate: string | null | undefined = month.closure_rate;
  const filedCount: number = month.filed;
  const byCommunity: Indicators[] = tasks.indicators_by({ level: "community", start: at, end: at });
  const categories: CategoryView[] = tasks.categories();
  const limit: string = categories[0].resolution_limit;
  const services: Open311Service[] = tasks.open311_services();
  const open: Open311Request[] = tasks.open311_requests({ status: "open" });
  const text: string = tasks.open311_requests_json() + tasks.open311_services_json();

  try {
    tasks.rate({ request: "r-1", level: "satisfied" }, { actor: "r2" });
  } catch (e) {
    // The codes of a refused rating narrow ErrorCode.
    if (is_gridward_error(e) && (e.code === "not_filer" || e.code === "already_rated")) {
      const code: ErrorCode = e.code;
      const refused: "not_filer" | "already_rated" = e.code;
      void [code, refused];
    }
  }

  // @ts-expect-error -- a location is { household } or { unit }
  tasks.route({ category: "dirty_road", location: { street: "510105001" } });
  // @ts-expect-error -- a rating is one of the five levels
  tasks.rate({ request: "r-1", level: "great" });
  // @ts-expect-error -- verify needs passed
  tasks.verify({ request: "r-1" });
  // @ts-expect-error -- a status is a Status name
  tasks.requests({ status: "done" });
  // @ts-expect-error -- rates are decimal strings, not numbers
  const asNumber: number = month.closure_rate;
  // @ts-expect-error -- Open311 knows only open and closed
  tasks.open311_requests({ status: "pooled" });
  // @ts-expect-error -- the period needs its start and end
  tasks.indicators({ scope: "510105001001" });
  // @ts-expect-error -- the period is start and end, not from and to
  tasks.indicators({ from: at, to: at });
  // @ts-expect-error -- an unknown task command type
  ward.execute({ tasks: { type: "fly" } });
  // @ts-expect-error -- handover goes to a person id
  tasks.offer_handover({ request: "r-1", to: { person: "vol" } });
  // @ts-expect-error -- the face names it return_request
  tasks.return({ request: "r-1", reason: "x" });
  // @ts-expect-error -- filing is ward.tasks.file
  tasks.file_request({ id: "r-2", category: "dirty_road", location: { household: "1-101" }, description: "x" });

  void [window, filed, taskType, status, rating, responsible, whistles, all, pooled, who,
    claimable, rate, filedCount, byCommunity, limit, services, open, text, asNumber];
  return row?.id ?? null;
}
