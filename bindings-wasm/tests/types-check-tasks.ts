// Compiled (never run) by `tsc -p bindings-wasm/tsconfig.json` under --strict: the tasks
// methods take and return real types; each `@ts-expect-error` proves a wrong use is
// caught (it would go unnoticed, and the directive be unused, under `any`).
import init, {
  Ward,
  type Receipt, type RequestRow, type WhistleRow, type Indicators, type RouteDecision,
  type CategoryInfo, type TasksConfig, type TaskCommand, type WardCommand, type WardEvent,
  type Status, type Satisfaction, type Responsible, type Open311Service, type Open311Request,
  type ImportedRequestInput, type Limit,
} from "../pkg/web/gridward.js";

export async function tasks(): Promise<string | null> {
  await init();
  const ward = new Ward({ tasks: { max_open_claims: 2, correction_window: "15wd", calendar: { holidays: ["2026-04-06"] } } });
  const config: TasksConfig = ward.config.tasks;
  const window: Limit = config.correction_window;
  const at = "2026-03-02T09:00:00+08:00";
  const filed: Receipt = ward.fileRequest(
    { id: "r-1", category: "neighbour_help", location: { household: "1-101" }, description: "楼道灯坏了" },
    { actor: "r1", at, key: "file-r-1" });
  ward.dispatch({ request: "r-1", to: { pool: "510105001001001001" } }, { actor: "chief" });
  ward.dispatch({ request: "r-1" });
  ward.claim({ request: "r-1", donor: null }, { actor: "pm1" });
  ward.releaseClaim({ request: "r-1" });
  ward.offerHandover({ request: "r-1", to: "vol" }, { actor: "pm1" });
  ward.acceptHandover({ request: "r-1" }, { actor: "vol" });
  ward.start({ request: "r-1" }, { actor: "vol", at: new Date() });
  ward.handle({ request: "r-1", report: "已修好", photos: ["p.jpg"] }, { actor: "vol" });
  ward.verify({ request: "r-1", passed: true, note: "ok" }, { actor: "w1" });
  ward.rate({ request: "r-1", level: "very_satisfied", comment: "谢谢" }, { actor: "r1" });
  ward.returnRequest({ request: "r-1", reason: "x" });
  ward.cancel({ request: "r-1", reason: "x" });
  ward.markDuplicate({ request: "r-1", of: "r-0" });
  ward.reopen({ request: "r-1", reason: "x" });
  ward.extend({ request: "r-1", reason: "x" });
  ward.whistle({ request: "r-1", departments: ["cg"], reason: "x" }, { actor: "sa" });
  ward.report({ request: "r-1", department: "cg", report: "x" }, { actor: "o1" });
  ward.supervise({ request: "r-1", reason: "x" });
  ward.sweep();
  ward.sweep({ scope: "510105001001" }, { actor: "chief" });
  ward.setSkills({ person: "pm1", skills: ["elder_care"] });
  ward.appointOfficer({ department: "cg", person: "o1" });
  ward.removeOfficer({ department: "cg", person: "o1" });
  const incoming: ImportedRequestInput[] = [
    { id: "e-1", category: "dirty_road", location: { unit: "510105001001001" }, filed_at: new Date(), status: "open" },
    { id: "e-2", category: "dirty_road", location: { unit: "510105001001001" }, filed_at: at, status: "closed", updated_at: at },
  ];
  ward.importRequests(incoming);
  ward.importOpen311("[]", { actor: "chief" });
  const command: TaskCommand = { type: "rate", request: "r-1", level: "satisfied" };
  const wrapped: WardCommand = { tasks: command };
  ward.execute(wrapped);
  const events: WardEvent[] = ward.decide({ tasks: { type: "sweep" } });
  const taskType: string | undefined = events[0]?.tasks?.type;

  const row: RequestRow | null = ward.request("r-1");
  const status: Status | undefined = row?.status;
  const rating: Satisfaction | null | undefined = row?.rating;
  const responsible: Responsible | undefined = row?.responsible;
  const whistles: WhistleRow[] = row?.whistles ?? [];
  const all: RequestRow[] = ward.requests();
  const pooled: RequestRow[] = ward.requests("510105001001", "pooled");
  const route: RouteDecision = ward.route("dirty_road", { unit: "510105001001001" });
  const who: string | undefined = route.kind === "person" ? route.person : undefined;
  const claimable: RequestRow[] = ward.claimableBy("pm1");
  const month: Indicators = ward.indicators({ scope: "510105001001", from: at, to: new Date() });
  const rate: string | null = month.closure_rate;
  const filedCount: number = month.filed;
  const byCommunity: Indicators[] = ward.indicatorsBy("community", { from: at, to: at });
  const categories: CategoryInfo[] = ward.categories();
  const limit: string = categories[0].resolution_limit;
  const services: Open311Service[] = ward.open311Services();
  const open: Open311Request[] = ward.open311Requests(null, "open");
  const text: string = ward.open311RequestsJson();

  // @ts-expect-error a location is { household } or { unit }
  ward.route("dirty_road", { street: "510105001" });
  // @ts-expect-error a rating is one of the five levels
  ward.rate({ request: "r-1", level: "great" });
  // @ts-expect-error verify needs passed
  ward.verify({ request: "r-1" });
  // @ts-expect-error a status is a Status name
  ward.requests(null, "done");
  // @ts-expect-error rates are decimal strings, not numbers
  const asNumber: number = month.closure_rate;
  // @ts-expect-error Open311 knows only open and closed
  ward.open311Requests(null, "pooled");
  // @ts-expect-error the period needs from and to
  ward.indicators({ scope: "510105001001" });
  // @ts-expect-error an unknown task command type
  ward.execute({ tasks: { type: "fly" } });
  // @ts-expect-error handover goes to a person id
  ward.offerHandover({ request: "r-1", to: { person: "vol" } });

  void [config, window, filed, taskType, status, rating, responsible, whistles, all, pooled, who,
    claimable, rate, filedCount, byCommunity, limit, services, open, text, asNumber];
  return row?.id ?? null;
}
