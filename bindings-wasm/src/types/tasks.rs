//! TypeScript declarations of the tasks capability's objects: requests and their rows,
//! task commands, routing decisions, indicators, categories and the tasks configuration.
//! They describe the JSON form of the core's serde types (snake_case fields).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TASK_TYPES: &'static str = r#"
/** Where a request stands in its life. */
export type Status =
  | "filed" | "pooled" | "assigned" | "claimed" | "in_progress" | "handled"
  | "closed" | "cancelled" | "duplicate";
/** The five levels of satisfaction (政务服务好差评), best first; the top three count as satisfied. */
export type Satisfaction =
  | "very_satisfied" | "satisfied" | "basically_satisfied" | "dissatisfied" | "very_dissatisfied";
/** Who handles requests of a category. */
export type Handler = "grid_staff" | "claimable" | "department";
/** A decimal percentage as Gridward returns it: "93.72". */
export type PercentString = string;

/** Where a request is: a household, or a unit of the grid. */
export type Location = { household: string } | { unit: NodeCode };
/** To whom a request is dispatched by hand. */
export type Assignee = { person: string } | { department: string } | { pool: NodeCode };
/** The one party that answers for a request: a unit (its staff or pool, or the locality), a person or a department. */
export type Responsible = { unit: NodeCode } | { person: string } | { department: string };

/** A time limit: working hours "5wh", working days "15wd", natural hours "24h" or days "3d". */
export type LimitText = string;
/** A time limit in its JSON form. */
export interface Limit {
  amount: number;
  unit: "working_hours" | "working_days" | "hours" | "days";
}
/** Working days and hours, holidays (法定节假日) and make-up working days (调休). */
export interface CalendarConfig {
  /** The UTC offset, "+08:00". */
  zone: string;
  /** Working weekdays, "mon" … "sun". */
  weekdays: string[];
  /** Working periods as ["HH:MM", "HH:MM"]. */
  hours: [string, string][];
  /** Public holidays, "YYYY-MM-DD". */
  holidays: string[];
  /** Make-up working days, "YYYY-MM-DD". */
  make_up_days: string[];
}
/** A category of request (an Open311 service) as configured. */
export interface Category {
  code: string;
  name: string;
  description: string;
  group: string;
  domain: Domain;
  handler: Handler;
  response_limit: Limit;
  resolution_limit: Limit;
  extension: Limit;
  skills: string[];
  micro_wish: boolean;
}
/** A category as categories() lists it: limits as short text ("5wh"). */
export interface CategoryInfo {
  code: string;
  name: string;
  description: string;
  group: string;
  domain: Domain;
  handler: Handler;
  response_limit: LimitText;
  resolution_limit: LimitText;
  extension: LimitText;
  skills: string[];
  micro_wish: boolean;
}
/** A category going in: limits as text ("5wh") or objects; optional fields may be left out. */
export interface CategoryInput {
  code: string;
  name: string;
  description?: string;
  group?: string;
  domain: Domain;
  handler: Handler;
  response_limit: LimitText | Limit;
  resolution_limit: LimitText | Limit;
  extension: LimitText | Limit;
  skills?: string[];
  micro_wish?: boolean;
}
/** Configuration of the tasks capability. */
export interface TasksConfig {
  calendar: CalendarConfig;
  categories: Category[];
  /** How many open claims one person may hold at once (3). */
  max_open_claims: number;
  /** A claim not started within this limit goes back to the pool at a sweep. */
  claim_release: Limit;
  /** The correction window a bad rating opens (15 working days). */
  correction_window: Limit;
  /** How long a department called in has to report. */
  whistle_report_limit: Limit;
  /** Route a request by the rules as it is filed. */
  dispatch_on_filing: boolean;
}
/** Any part of the tasks configuration; categories replace the defaults as a whole. */
export interface TasksConfigInput {
  calendar?: Partial<CalendarConfig>;
  categories?: CategoryInput[];
  max_open_claims?: number;
  claim_release?: LimitText | Limit;
  correction_window?: LimitText | Limit;
  whistle_report_limit?: LimitText | Limit;
  dispatch_on_filing?: boolean;
}

/** A department's call on a request (吹哨报到) and its report. */
export interface WhistleRow {
  department: string;
  called_at: DateString;
  due: DateString;
  reported_at: DateString | null;
  report: string | null;
  late: boolean;
}
/** A request as a flat row. */
export interface RequestRow {
  id: string;
  category: string;
  status: Status;
  /** Who filed it (null when the platform did). */
  filer: string | null;
  household: string | null;
  unit: NodeCode;
  /** The unit that dispatches it (its community). */
  dispatcher: NodeCode;
  responsible: Responsible;
  description: string;
  filed_at: DateString;
  dispatched_at: DateString | null;
  response_due: DateString | null;
  resolution_due: DateString | null;
  responded_at: DateString | null;
  handled_at: DateString | null;
  handled_by: string | null;
  report: string | null;
  verified_by: string | null;
  closed_at: DateString | null;
  /** Closed within the resolution limit (null while not closed). */
  on_time: boolean | null;
  updated_at: DateString;
  claimed_by: string | null;
  donor: string | null;
  rating: Satisfaction | null;
  /** The end of the correction window a bad rating opened. */
  correction_due: DateString | null;
  reopens: number;
  returns: number;
  extended: boolean;
  supervised: boolean;
  /** Parked (挂账) and still open. */
  parked: boolean;
  imported: boolean;
  duplicate_of: string | null;
  whistles: WhistleRow[];
  /** The note of its last change (Open311's status_notes). */
  note: string;
}
/** Where the routing rules send a request. */
export type RouteDecision =
  | { kind: "person"; person: string; status: "assigned" }
  | { kind: "department"; department: string; status: "assigned" }
  | { kind: "pool"; unit: NodeCode; status: "pooled" }
  | { kind: "locality"; unit: NodeCode; status: "assigned" };
/** A period: from (included) to (excluded). */
export interface Period {
  from: DateInput;
  to: DateInput;
}
/** What indicators() takes: a period, and a unit whose subtree to count (all when omitted). */
export interface IndicatorsQuery extends Period {
  scope?: NodeCode | null;
}
/**
 * Case-handling indicators of the requests filed in a period, as they stood at its end.
 * Rates are percentages with two decimals as strings ("93.72"), null when their
 * denominator is zero: closure (结案率) = closed / due; on time (按期结案率) = closed on
 * time / due; rework = reopened / closed; extension = extended / due; response = on-time
 * first actions / responses due; satisfaction = top three levels / rated; whistle (吹哨率)
 * = whistled / counted.
 */
export interface Indicators {
  /** The unit, or null for the whole ward. */
  unit: NodeCode | null;
  filed: number;
  withdrawn: number;
  due: number;
  closed: number;
  closed_on_time: number;
  open: number;
  overdue: number;
  reopened: number;
  extended: number;
  response_due: number;
  responded_on_time: number;
  rated: number;
  satisfied: number;
  whistled: number;
  supervised: number;
  parked: number;
  closure_rate: PercentString | null;
  on_time_rate: PercentString | null;
  rework_rate: PercentString | null;
  extension_rate: PercentString | null;
  response_rate: PercentString | null;
  satisfaction_rate: PercentString | null;
  whistle_rate: PercentString | null;
}

export interface FileRequestArgs { id: string; category: string; location: Location; description: string; photos?: string[] | null }
export interface DispatchArgs { request: string; to?: Assignee | null }
export interface ClaimArgs { request: string; donor?: string | null }
export interface RequestArgs { request: string }
export interface OfferHandoverArgs { request: string; to: string }
export interface HandleArgs { request: string; report: string; photos?: string[] | null }
export interface VerifyArgs { request: string; passed: boolean; note?: string | null }
export interface ReasonArgs { request: string; reason: string }
export interface MarkDuplicateArgs { request: string; of: string }
export interface RateArgs { request: string; level: Satisfaction; comment?: string | null }
export interface WhistleArgs { request: string; departments: string[]; reason: string }
export interface ReportArgs { request: string; department: string; report: string }
export interface SweepArgs { scope?: NodeCode | null }
export interface SetSkillsArgs { person: string; skills: string[] }
export interface OfficerArgs { department: string; person: string }
/** A request from another system; Open311 knows only open and closed. */
export interface ImportedRequestInput {
  id: string;
  category: string;
  location: Location;
  description?: string | null;
  filed_at: DateInput;
  status: "open" | "closed";
  /** When it last changed; a closed request closed then (required for closed ones). */
  updated_at?: DateInput | null;
  status_notes?: string | null;
  photos?: string[] | null;
}

/** A task command in its JSON form, as execute({ tasks }) and decide({ tasks }) take it. */
export type TaskCommand =
  | ({ type: "file" } & FileRequestArgs)
  | ({ type: "dispatch" } & DispatchArgs)
  | ({ type: "claim" } & ClaimArgs)
  | ({ type: "release_claim" } & RequestArgs)
  | ({ type: "offer_handover" } & OfferHandoverArgs)
  | ({ type: "accept_handover" } & RequestArgs)
  | ({ type: "start" } & RequestArgs)
  | ({ type: "handle" } & HandleArgs)
  | ({ type: "verify" } & VerifyArgs)
  | ({ type: "return" } & ReasonArgs)
  | ({ type: "cancel" } & ReasonArgs)
  | ({ type: "mark_duplicate" } & MarkDuplicateArgs)
  | ({ type: "reopen" } & ReasonArgs)
  | ({ type: "rate" } & RateArgs)
  | ({ type: "extend" } & ReasonArgs)
  | ({ type: "whistle" } & WhistleArgs)
  | ({ type: "report" } & ReportArgs)
  | ({ type: "supervise" } & ReasonArgs)
  | ({ type: "sweep" } & SweepArgs)
  | ({ type: "set_skills" } & SetSkillsArgs)
  | ({ type: "appoint_officer" } & OfficerArgs)
  | ({ type: "remove_officer" } & OfficerArgs)
  | { type: "import"; requests: ImportedRequestInput[] };

/** A service of the Open311 service list (GET services): one category. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  /** Always "realtime". */
  type: string;
  /** Comma-separated: the category's domain and its handler. */
  keywords: string;
  group: string;
}
/** A service request as Open311 GeoReport v2 writes it; absent optional fields are left out. */
export interface Open311Request {
  service_request_id: string;
  status: "open" | "closed";
  /** Why it was closed, or the Gridward status of an open one. */
  status_notes?: string;
  service_name?: string;
  service_code: string;
  description?: string;
  /** The party answering: a unit, a department, or a person's masked name. */
  agency_responsible?: string;
  /** Supervision or parking, when either applies. */
  service_notice?: string;
  requested_datetime: DateString;
  updated_datetime?: DateString;
  /** When resolution is due. */
  expected_datetime?: DateString;
  /** The names of the units it lies in, district first. */
  address?: string;
  /** A household id or a unit code. */
  address_id?: string;
  zipcode?: string;
  media_url?: string;
}

/** The type tag of a task event. */
export type TaskEventType =
  | "filed" | "imported" | "dispatched" | "claimed" | "claim_released" | "handover_offered"
  | "handed_over" | "started" | "handled" | "verified" | "returned" | "cancelled"
  | "marked_duplicate" | "reopened" | "rated" | "extended" | "whistled" | "reported"
  | "report_overdue" | "supervised" | "parked" | "skills_set" | "officer_appointed"
  | "officer_removed";
/** A task event in its JSON form: its type and that event's fields. */
export interface TaskEvent {
  type: TaskEventType;
  request?: string;
  [field: string]: unknown;
}
"#;
