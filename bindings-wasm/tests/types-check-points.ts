// Compiled (never run) by `tsc -p bindings-wasm/tsconfig.json` under --strict: the scoring
// and points capabilities' methods and the rating functions take and return real types;
// each `@ts-expect-error` proves a wrong use is caught (it would go unnoticed, and the
// directive be unused, under `any`).
import init, {
  Ward, star_level, satisfaction_rate, evaluate_communities, rating_losses, rating_items,
  check_rating_tree, is_gridward_error,
  type Evaluation, type LossRow, type ItemScoreRow, type RatingTreeIn, type RatingTreeSummary,
  type Receipt, type ServiceRecord, type ServiceStatus, type ServiceRow, type Volunteer,
  type StarChange, type ObligationRow, type HandlerScore, type PassbookView, type Lot,
  type HistoryLine, type Item, type Redemption, type RedemptionRow, type PointsTotals,
  type ScoringConfig, type PointsConfig, type ScoringCommand, type PointsCommand, type CommandIn,
  type Event, type Activity, type Movement, type Decimal, type ErrorCode,
} from "gridward";

export async function points(): Promise<string | null> {
  await init();
  const ward = new Ward({
    scoring: { hours: { daily_cap_minutes: 480 }, stars: { name: "zjg", thresholds: ["30", 60] } },
    points: { per_hour: 10, per_activity: { mediation: 5 }, per_rating: { very_satisfied: 3 },
      caps: [{ period: "month", points: 100 }], expiry: { rule: "end_of_year" } },
  });
  const { scoring, points } = ward;
  const scoringConfig: ScoringConfig | undefined = ward.config().scoring;
  const pointsConfig: PointsConfig | undefined = ward.config().points;
  const activity: Activity = "elder_care";
  const at = "2026-03-07T09:00:00+08:00";
  const recorded: Receipt = scoring.record_service({ id: "s", person: "v", unit: "510105001001",
    activity, started_at: new Date(at), minutes: 60, travel_minutes: 10, request: null }, { at });
  scoring.certify_service({ id: "s" }, { actor: "chief" });
  scoring.reject_service({ id: "s", reason: "x" });
  scoring.grant_stars({ on: "2026-12-31" });
  points.add_item({ id: "rice", unit: "510105001001", name: "大米", cost: 50, stock: 10,
    per_person: 1, valid_until: "2026-12-31", min_star: null });
  points.restock({ item: "rice", quantity: 5 });
  points.earn_for_service({ record: "s" });
  points.earn_for_request({ request: "r" });
  points.award({ id: "a", person: "v", unit: "510105001001", points: 10, reason: "x" });
  points.redeem({ id: "red", person: "v", item: "rice", quantity: 1 }, { actor: "v", key: "k" });
  points.reverse({ id: "red", reason: "x" });
  points.expire({ on: "2027-01-01" });

  const record: ServiceRecord | null = scoring.service_record({ id: "s" });
  const status: ServiceStatus | undefined = record?.status;
  const counted = status?.status === "certified" ? status.counted : 0;
  const rows: ServiceRow[] = scoring.service_records();
  const volunteer: Volunteer | null = scoring.volunteer({ person: "v" });
  const volunteers: Volunteer[] = scoring.volunteers();
  const preview: StarChange[] = scoring.grant_preview({ on: "2026-12-31" });
  const custom: StarChange[] = scoring.grant_preview({ on: "2026-12-31", profile: { name: "x", thresholds: ["100", 300] } });
  const obligations: ObligationRow[] = scoring.obligations({ unit: "510105001001", start: "2026-01", end: "2026-12" });
  const scores: HandlerScore[] = scoring.handler_scores({ unit: "510105001001",
    start: "2026-03-01T00:00:00+08:00", end: new Date() });
  const book: PassbookView | null = points.passbook({ person: "v" });
  const lots: Lot[] = book?.lots ?? [];
  const available: number = points.available_points({ person: "v", on: "2026-03-01" });
  const history: HistoryLine[] = points.passbook_history({ person: "v" });
  const movement: Movement | undefined = history[0]?.movement;
  const items: Item[] = points.items();
  const item: Item | null = points.item({ id: "rice" });
  const redemptions: RedemptionRow[] = points.redemptions();
  const redemption: Redemption | null = points.redemption({ id: "red" });
  const totals: PointsTotals = points.totals();
  const level: number = star_level({ hours: "299.5" }) + star_level({ hours: 45, thresholds: [30, "60"] });
  const rate: Decimal | null = satisfaction_rate({ counts: [70, 20, 0, 10, 0] });

  const tree: RatingTreeIn = { name: "t", items: [{ id: "a", name: "A", weight: 1, children: [
    { id: "r", name: "结案率", weight: "1", normalise: { method: "target", target: 95, better: "higher" } },
    { id: "f", name: "预案", weight: 1, normalise: { method: "flag" } }] }],
  vetoes: [{ id: "v", name: "事故" }] };
  const evaluations: Evaluation[] = evaluate_communities({ tree,
    data: [{ community: "c", values: { r: "90", f: 1 }, vetoes: ["v"] }] });
  const grade: string | undefined = evaluations[0]?.grade;
  const losses: LossRow[] = rating_losses({ evaluations });
  const itemRows: ItemScoreRow[] = rating_items({ evaluations });
  const summary: RatingTreeSummary = check_rating_tree({ tree });

  const s: ScoringCommand = { type: "grant_stars", on: "2026-12-31" };
  const p: PointsCommand = { type: "reverse", id: "red", reason: "x" };
  const any1: CommandIn = { scoring: s };
  const any2: CommandIn = { points: p };
  const events: Event[] = ward.decide(any1);
  ward.execute(any2);
  const first = events[0];
  const kind = first && "scoring" in first ? first.scoring.type : null;

  try {
    points.redeem({ id: "red2", person: "v", item: "rice", quantity: 9 }, { actor: "v", key: "k2" });
  } catch (e) {
    // The points' refusals narrow ErrorCode.
    if (is_gridward_error(e) && (e.code === "insufficient_points" || e.code === "out_of_stock")) {
      const code: ErrorCode = e.code;
      const refused: "insufficient_points" | "out_of_stock" = e.code;
      void [code, refused];
    }
  }

  // @ts-expect-error -- no such activity
  scoring.record_service({ id: "s", person: "v", unit: "5", activity: "dancing", started_at: at, minutes: 1 });
  // @ts-expect-error -- points are numbers, not text
  points.award({ id: "a", person: "v", unit: "510105001001", points: "10", reason: "x" });
  // @ts-expect-error -- a redemption names its item
  points.redeem({ id: "red", person: "v", quantity: 1 }, { key: "k" });
  // @ts-expect-error -- a passbook's balance is a number
  const wrong: string = totals.balance;
  // @ts-expect-error -- an indicator is normalised by target, min_max or flag
  check_rating_tree({ tree: { name: "t", items: [{ id: "a", name: "A", weight: 1, normalise: { method: "rank" } }] } });
  // @ts-expect-error -- a movement is earned, redeemed, reversed or expired
  const wrongMovement: Movement = "spent";
  // @ts-expect-error -- a star profile has its name
  scoring.grant_preview({ on: "2026-12-31", profile: ["100", 300] });
  // @ts-expect-error -- the face names it points.reverse
  points.reverse_redemption({ id: "red", reason: "x" });

  void [scoringConfig, pointsConfig, recorded, counted, rows, volunteer, volunteers, preview,
    custom, obligations, scores, lots, available, movement, items, item, redemptions, redemption,
    level, rate, wrong, wrongMovement, grade, losses, itemRows, summary];
  return kind;
}
