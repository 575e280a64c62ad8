//! TypeScript declarations of the scoring and points capabilities' objects: service
//! records, volunteers, star profiles, obligations, handlers' scores, passbooks, the
//! catalog and redemptions, the commands' arguments and their configuration. They
//! describe the JSON form of the core's serde types (snake_case fields); hours and rates
//! are decimal strings, minutes and points numbers.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const POINTS_TYPES: &'static str = r#"
/** What a service was: handling a request, charity (公益), elder care (助老), neighbour help (邻里互助), mediation (调解), patrol (巡逻), cleanup (环境整治), other. */
export type Activity =
  | "handling_request" | "charity" | "elder_care" | "neighbour_help" | "mediation"
  | "patrol" | "cleanup" | "other";
/** A calendar month, "YYYY-MM". */
export type MonthString = string;
/** Ratings counted by level, most satisfied first: very satisfied, satisfied, basically satisfied, dissatisfied, very dissatisfied. */
export type RatingCounts = [number, number, number, number, number];

/** Where a service record stands: only certified minutes count. */
export type ServiceStatus =
  | { status: "pending" }
  | { status: "certified"; by: string | null; counted: number }
  | { status: "rejected"; reason: string };
/** One service: who, where, what, when, how long, and where it stands. */
export interface ServiceRecord {
  id: string;
  person: string;
  unit: NodeCode;
  activity: Activity;
  request: string | null;
  started_at: DateString;
  /** Minutes of actual service. */
  minutes: number;
  /** Minutes of travel (left out of the count by default). */
  travel_minutes: number;
  note: string;
  status: ServiceStatus;
}
/** A volunteer's standing: certified time and the star level granted. */
export interface Volunteer {
  person: string;
  /** Certified hours, two decimals rounded down ("12.50"). */
  hours: DecimalString;
  minutes: number;
  /** Certified services. */
  services: number;
  /** Star level granted (0–5 in the national profile). */
  level: number;
  /** The day of the grant of that level. */
  since: DayString | null;
}
/** A level change a grant makes. */
export interface StarChange { person: string; from: number; to: number }
/** How levels are granted as hours grow: straight to the level reached, or one level per grant after holding the current one a while. */
export type Progression = { rule: "direct" } | { rule: "stepwise"; min_days_held: number };
/** A star-level profile (national: 100/300/600/1000/1500 hours; 张家港: 30/60/100/200/300). */
export interface StarProfile {
  name: string;
  /** Hours of levels 1, 2 …, strictly increasing. */
  thresholds: DecimalString[];
  progression: Progression;
}
/** A star profile going in. */
export interface StarProfileInput {
  name: string;
  thresholds: DecimalInput[];
  progression?: Progression;
}
/** A sent-down party member's month (下沉党员报到服务). */
export interface ObligationRow {
  person: string;
  unit: NodeCode;
  month: MonthString;
  services: number;
  hours: DecimalString;
  met: boolean;
}
/** A handler's record over a period and their place among the unit's handlers. */
export interface HandlerScore {
  person: string;
  /** 1 is best; equal scores share a place; null without any rate. */
  rank: number | null;
  /** Weighted score out of 100, two decimals. */
  score: DecimalString | null;
  handled: number;
  due: number;
  closed: number;
  closed_on_time: number;
  rated: number;
  satisfied: number;
  closure_rate: DecimalString | null;
  on_time_rate: DecimalString | null;
  satisfaction_rate: DecimalString | null;
}

/** Where a lot's points came from. */
export type PointsSource = "service" | "request" | "award";
/** A lot of points earned together. */
export interface Lot {
  /** The earning's id ("service:…", "request:…", "award:…"). */
  id: string;
  source: PointsSource;
  earned_on: DayString;
  /** The last day it may be spent; null if it never expires. */
  expires_on: DayString | null;
  points: number;
  /** Not yet spent or expired. */
  left: number;
  expired: number;
}
/** A person's passbook (积分存折): earned = spent + expired + balance. */
export interface Passbook {
  person: string;
  earned: number;
  spent: number;
  expired: number;
  balance: number;
  lots: Lot[];
}
/** What a history line records. */
export type Movement = "earned" | "redeemed" | "reversed" | "expired";
/** A line of a passbook's history. */
export interface HistoryLine {
  on: DayString;
  movement: Movement;
  /** Always positive; the movement says which way. */
  points: number;
  /** The balance after it. */
  balance: number;
  /** The lot (earned, expired) or the redemption (redeemed, reversed). */
  reference: string;
}
/** An item of a unit's catalog. */
export interface Item {
  id: string;
  unit: NodeCode;
  name: string;
  /** Points per piece. */
  cost: number;
  stock: number;
  per_person: number | null;
  valid_from: DayString | null;
  valid_until: DayString | null;
  /** The star level a person must hold. */
  min_star: number | null;
}
/** Points taken from one lot: its place in the passbook. */
export interface Take { lot: number; points: number }
/** A redemption (兑换): points and stock taken in one step. */
export interface Redemption {
  id: string;
  person: string;
  item: string;
  quantity: number;
  points: number;
  on: DayString;
  taken: Take[];
  reversed: { on: DayString; reason: string } | null;
}
/** Points across the ward. */
export interface PointsTotals {
  people: number;
  earned: number;
  spent: number;
  expired: number;
  balance: number;
  redemptions: number;
  reversed: number;
}

/** How service time counts (whole minutes). */
export interface HoursRules {
  exclude_travel: boolean;
  per_activity_cap_minutes: number | null;
  unit_minutes: number | null;
  unit_rounding: "down" | "half_up" | "up";
  daily_cap_minutes: number | null;
}
/** Configuration of the scoring capability. */
export interface ScoringConfig {
  hours: HoursRules;
  stars: StarProfile;
  obligation: { services_per_month: number; minutes_per_month: number };
  handler_weights: { closure: DecimalString; on_time: DecimalString; satisfaction: DecimalString };
}
/** Any part of the scoring configuration. */
export interface ScoringConfigInput {
  hours?: Partial<HoursRules>;
  stars?: StarProfileInput;
  obligation?: { services_per_month?: number; minutes_per_month?: number };
  handler_weights?: { closure?: DecimalInput; on_time?: DecimalInput; satisfaction?: DecimalInput };
}
/** When earned points expire. */
export type Expiry =
  | { rule: "never" } | { rule: "days"; days: number } | { rule: "end_of_month" }
  | { rule: "end_of_year" };
/** Points a rated request earns its handler, by the filer's level. */
export type RatingPoints = Record<Satisfaction, number>;
/** Configuration of the points capability. */
export interface PointsConfig {
  /** Points per certified hour ("1"; 昆山 gives "10"). */
  per_hour: DecimalString;
  per_activity: Partial<Record<Activity, number>>;
  per_rating: RatingPoints;
  caps: { period: "month" | "year"; points: number }[];
  expiry: Expiry;
}
/** Any part of the points configuration. */
export interface PointsConfigInput {
  per_hour?: DecimalInput;
  per_activity?: Partial<Record<Activity, number>>;
  per_rating?: Partial<RatingPoints>;
  caps?: { period: "month" | "year"; points: number }[];
  expiry?: Expiry;
}

/** recordService's fields. */
export interface RecordServiceArgs {
  id: string;
  person: string;
  unit: NodeCode;
  activity: Activity;
  started_at: DateInput;
  /** Minutes of service, 1 to 1440. */
  minutes: number;
  travel_minutes?: number;
  request?: string | null;
  note?: string;
}
/** certifyService's fields. */
export interface ServiceArgs { id: string }
/** rejectService's fields. */
export interface RejectServiceArgs { id: string; reason: string }
/** grantStars's fields. */
export interface GrantStarsArgs { on: DayString }
/** addItem's fields. */
export interface AddItemArgs {
  id: string;
  unit: NodeCode;
  name: string;
  cost: number;
  stock: number;
  per_person?: number | null;
  valid_from?: DayString | null;
  valid_until?: DayString | null;
  min_star?: number | null;
}
/** restock's fields. */
export interface RestockArgs { item: string; quantity: number }
/** earnForService's fields. */
export interface EarnForServiceArgs { record: string }
/** earnForRequest's fields. */
export interface EarnForRequestArgs { request: string }
/** award's fields. */
export interface AwardArgs { id: string; person: string; unit: NodeCode; points: number; reason: string }
/** redeem's fields (the call needs ctx.key). */
export interface RedeemArgs { id: string; person: string; item: string; quantity: number }
/** reverseRedemption's fields. */
export interface ReverseRedemptionArgs { id: string; reason: string }
/** expirePoints's fields. */
export interface ExpirePointsArgs { on: DayString }

/** A scoring command in its JSON form. */
export type ScoringCommand =
  | ({ type: "record_service" } & RecordServiceArgs)
  | ({ type: "certify_service" } & ServiceArgs)
  | ({ type: "reject_service" } & RejectServiceArgs)
  | ({ type: "grant_stars" } & GrantStarsArgs);
/** A points command in its JSON form. */
export type PointsCommand =
  | ({ type: "add_item" } & AddItemArgs)
  | ({ type: "restock" } & RestockArgs)
  | ({ type: "earn_for_service" } & EarnForServiceArgs)
  | ({ type: "earn_for_request" } & EarnForRequestArgs)
  | ({ type: "award" } & AwardArgs)
  | ({ type: "redeem" } & RedeemArgs)
  | ({ type: "reverse" } & ReverseRedemptionArgs)
  | ({ type: "expire" } & ExpirePointsArgs);
/** A scoring event in its JSON form: its type and that event's fields. */
export interface ScoringEvent {
  type: "service_recorded" | "service_certified" | "service_rejected" | "stars_granted";
  [field: string]: unknown;
}
/** A points event in its JSON form: its type and that event's fields. */
export interface PointsEvent {
  type: "item_added" | "restocked" | "earned" | "redeemed" | "reversed" | "expired";
  [field: string]: unknown;
}
"#;
