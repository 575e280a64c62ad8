// Compiled (never run) by `tsc -p bindings-wasm/tsconfig.json` under --strict: the scoring
// and points methods take and return real types; each `@ts-expect-error` proves a wrong
// use is caught (it would go unnoticed, and the directive be unused, under `any`).
import init, {
  Ward, starLevel, satisfactionRate, evaluateCommunities, ratingLosses, checkRatingTree,
  type Evaluation, type LossRow, type RatingTreeInput, type RatingTreeSummary,
  type Receipt, type ServiceRecord, type ServiceStatus, type Volunteer, type StarChange,
  type ObligationRow, type HandlerScore, type Passbook, type Lot, type HistoryLine,
  type Item, type Redemption, type PointsTotals, type ScoringConfig, type PointsConfig,
  type ScoringCommand, type PointsCommand, type WardCommand, type WardEvent, type Activity,
  type Movement, type DecimalString,
} from "../pkg/web/gridward.js";

export async function points(): Promise<string | null> {
  await init();
  const ward = new Ward({
    scoring: { hours: { daily_cap_minutes: 480 }, stars: { name: "zjg", thresholds: ["30", 60] } },
    points: { per_hour: 10, per_activity: { mediation: 5 }, per_rating: { very_satisfied: 3 },
      caps: [{ period: "month", points: 100 }], expiry: { rule: "end_of_year" } },
  });
  const scoring: ScoringConfig = ward.config.scoring;
  const pointsConfig: PointsConfig = ward.config.points;
  const activity: Activity = "elder_care";
  const at = "2026-03-07T09:00:00+08:00";
  const recorded: Receipt = ward.recordService({ id: "s", person: "v", unit: "510105001001",
    activity, started_at: new Date(at), minutes: 60, travel_minutes: 10, request: null }, { at });
  ward.certifyService({ id: "s" }, { actor: "chief" });
  ward.rejectService({ id: "s", reason: "x" });
  ward.grantStars({ on: "2026-12-31" });
  ward.addItem({ id: "rice", unit: "510105001001", name: "大米", cost: 50, stock: 10,
    per_person: 1, valid_until: "2026-12-31", min_star: null });
  ward.restock({ item: "rice", quantity: 5 });
  ward.earnForService({ record: "s" });
  ward.earnForRequest({ request: "r" });
  ward.award({ id: "a", person: "v", unit: "510105001001", points: 10, reason: "x" });
  ward.redeem({ id: "red", person: "v", item: "rice", quantity: 1 }, { actor: "v", key: "k" });
  ward.reverseRedemption({ id: "red", reason: "x" });
  ward.expirePoints({ on: "2027-01-01" });

  const record: ServiceRecord | null = ward.serviceRecord("s");
  const status: ServiceStatus | undefined = record?.status;
  const counted = status?.status === "certified" ? status.counted : 0;
  const records: ServiceRecord[] = ward.serviceRecords();
  const volunteer: Volunteer | null = ward.volunteer("v");
  const volunteers: Volunteer[] = ward.volunteers();
  const preview: StarChange[] = ward.grantPreview("2026-12-31", ["100", 300]);
  const custom: StarChange[] = ward.grantPreview("2026-12-31", { name: "x", thresholds: [1] });
  const rows: ObligationRow[] = ward.obligations("510105001001", "2026-01", "2026-12");
  const scores: HandlerScore[] = ward.handlerScores("510105001001",
    { from: "2026-03-01T00:00:00+08:00", to: new Date() });
  const book: Passbook | null = ward.passbook("v");
  const lots: Lot[] = book?.lots ?? [];
  const available: number = ward.availablePoints("v", "2026-03-01");
  const history: HistoryLine[] = ward.passbookHistory("v");
  const movement: Movement | undefined = history[0]?.movement;
  const items: Item[] = ward.items();
  const item: Item | null = ward.item("rice");
  const redemptions: Redemption[] = ward.redemptions();
  const redemption: Redemption | null = ward.redemption("red");
  const totals: PointsTotals = ward.pointsTotals();
  const level: number = starLevel("299.5") + starLevel(45, [30, "60"]);
  const rate: DecimalString | null = satisfactionRate([70, 20, 0, 10, 0]);

  const tree: RatingTreeInput = { name: "t", items: [{ id: "a", name: "A", weight: 1, children: [
    { id: "r", name: "结案率", weight: "1", normalise: { method: "target", target: 95, better: "higher" } },
    { id: "f", name: "预案", weight: 1, normalise: { method: "flag" } }] }],
  vetoes: [{ id: "v", name: "事故" }] };
  const evaluations: Evaluation[] = evaluateCommunities(tree,
    [{ community: "c", values: { r: "90", f: 1 }, vetoes: ["v"] }]);
  const grade: string | undefined = evaluations[0]?.grade;
  const losses: LossRow[] = ratingLosses(evaluations);
  const summary: RatingTreeSummary = checkRatingTree(JSON.stringify(tree));

  const s: ScoringCommand = { type: "grant_stars", on: "2026-12-31" };
  const p: PointsCommand = { type: "reverse", id: "red", reason: "x" };
  const any1: WardCommand = { scoring: s };
  const any2: WardCommand = { points: p };
  const events: WardEvent[] = ward.decide(any1);
  ward.execute(any2);
  const first = events[0];
  const kind = first && "scoring" in first && first.scoring ? first.scoring.type : null;

  // @ts-expect-error -- no such activity
  ward.recordService({ id: "s", person: "v", unit: "5", activity: "dancing", started_at: at, minutes: 1 });
  // @ts-expect-error -- points are numbers, not text
  ward.award({ id: "a", person: "v", unit: "510105001001", points: "10", reason: "x" });
  // @ts-expect-error -- a redemption names its item
  ward.redeem({ id: "red", person: "v", quantity: 1 }, { key: "k" });
  // @ts-expect-error -- a passbook's balance is a number
  const wrong: string = totals.balance;
  // @ts-expect-error -- an indicator is normalised by target, min_max or flag
  checkRatingTree({ name: "t", items: [{ id: "a", name: "A", weight: 1, normalise: { method: "rank" } }] });
  // @ts-expect-error -- a movement is earned, redeemed, reversed or expired
  const wrongMovement: Movement = "spent";

  void [scoring, pointsConfig, recorded, counted, records, volunteer, volunteers, preview,
    custom, rows, scores, lots, available, movement, items, item, redemptions, redemption,
    level, rate, wrong, wrongMovement, grade, losses, summary];
  return kind;
}
