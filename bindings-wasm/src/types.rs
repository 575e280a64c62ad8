//! TypeScript declarations of every object that crosses the boundary, written by hand so
//! that the generated `.d.ts` names real types instead of `any`. They describe the JSON
//! form of the core's serde types (snake_case fields, as the journal records them).

use wasm_bindgen::prelude::*;

mod fund;
mod points;
mod rating;
mod tasks;

#[wasm_bindgen(typescript_custom_section)]
const DOMAIN_TYPES: &'static str = r#"
/** A grid code: 6 (district), 9 (street), 12 (community), 15 (grid) or 18 (micro-grid) digits. */
export type NodeCode = string;
/** A level of the hierarchy. */
export type Level = "district" | "street" | "community" | "grid" | "micro_grid";
/** A domain of public work (多网合一 merges several on one unit). */
export type Domain =
  | "politics_and_law" | "market_supervision" | "emergency_management" | "civil_affairs"
  | "fire_safety" | "urban_management" | "public_security" | "health" | "environment"
  | "housing" | "social_security" | "party_building";
/**
 * A role held at a unit: 总网格长 chief_grid_leader, 网格长 grid_leader, 微网格员
 * micro_grid_worker … and, at a community or a compound's grid, the fund's property
 * manager (keeps the accounts), fund supervisor (监察人, approves payments) and owners'
 * committee member (业委会, convenes the assembly).
 */
export type Role =
  | "administrator" | "community_staff" | "chief_grid_leader" | "grid_leader"
  | "micro_grid_worker" | "reporting_party_member" | "sent_down_party_member" | "volunteer"
  | "property_manager" | "fund_supervisor" | "owners_committee_member";
/** An exact decimal (m² of floor area) as Gridward returns it: a string such as "89.5". */
export type DecimalString = string;
/** A decimal going in: a string, or a number read through its shortest decimal form. */
export type DecimalInput = string | number;
/** An ISO-8601 date-time with a zone, as Gridward returns it. */
export type DateString = string;
/** A date-time going in: an ISO-8601 string with a zone, or a Date. */
export type DateInput = string | Date;
/** A SHA-256 hash in lowercase hex (64 characters). */
export type HashHex = string;
/** The broad kind of a GridwardError. */
export type ErrorKind = "invalid" | "not_found" | "conflict" | "permission_denied" | "journal";

/**
 * What Gridward throws: a real Error with a stable snake_case code — the core's
 * ("unknown_unit", "permission_denied", "idempotency_conflict", "bad_area" …) or, for
 * JavaScript input of the wrong shape, "invalid_command", "invalid_row",
 * "invalid_datetime", "invalid_decimal", "invalid_context", "invalid_config",
 * "invalid_rules", "invalid_domain", "invalid_level", "invalid_location",
 * "invalid_status", "invalid_period", "invalid_date", "invalid_rounding",
 * "invalid_split_method", "invalid_motion_kind", "invalid_electorate", "invalid_choice",
 * "invalid_statement" or "bad_hash" (kind "invalid"). Requests add the
 * core's "unknown_request", "wrong_status", "not_responsible", "verifier_is_handler",
 * "not_filer", "already_rated", "claim_limit", "not_eligible", "key_required" …; funds
 * "unknown_fund", "bad_amount", "unbalanced", "over_budget", "spending_outside_budget",
 * "billed_already", "negative_balance", "wrong_state" …; the assembly "unknown_motion",
 * "voting_open", "motion_closed", "not_an_owner", "voted_already" …; scoring
 * "unknown_service_record", "service_not_pending", "own_service", "bad_minutes",
 * "grant_backdated", "bad_months" …; points "insufficient_points", "out_of_stock",
 * "limit_reached", "not_on_offer", "stars_needed", "already_reversed", "cap_reached" …
 * Scoring and points input adds "invalid_integer", "invalid_activity" and
 * "invalid_profile".
 */
export interface GridwardError extends Error {
  name: "GridwardError";
  code: string;
  kind: ErrorKind;
}

/** Who acts, when, under which idempotency key. Omitted: the platform itself, now, no key. */
export interface Context {
  /** The acting person's id; null or omitted for the platform (allowed everything). */
  actor?: string | null;
  /** When the command is given; omitted means now. */
  at?: DateInput;
  /** The same key twice has one effect (a retry is a duplicate; another command with it is a conflict). */
  key?: string | null;
}

/** What an accepted command did. */
export interface Receipt {
  /** The journal entry recorded; null when nothing changed. */
  seq: number | null;
  /** Events recorded. */
  events: number;
  /** The journal head after the command. */
  head: HashHex;
  /** True for a retry under the same idempotency key: the first effect stands. */
  duplicate: boolean;
}

/** Rules of the coverage report. */
export interface CoverageRules {
  unassigned_households: boolean;
  /** Households a micro-grid must have, inclusive (Chengdu: [30, 100]); null to skip. */
  band: [number, number] | null;
  party_member_per_micro_grid: boolean;
  leaders: boolean;
}
/** Configuration of the grid capability. */
export interface GridConfig {
  default_domains: Domain[];
  coverage: CoverageRules;
}
/** Configuration of a ward. The constructor takes any part of it; `config` returns it whole. */
export interface WardConfig {
  grid: GridConfig;
  tasks: TasksConfig;
  fund: FundConfig;
  scoring: ScoringConfig;
  points: PointsConfig;
}
/** A partial configuration, as the constructor and fromJournal take it. */
export interface WardConfigInput {
  grid?: { default_domains?: Domain[]; coverage?: Partial<CoverageRules> };
  tasks?: TasksConfigInput;
  fund?: FundConfigInput;
  scoring?: ScoringConfigInput;
  points?: PointsConfigInput;
}

/** A unit of the hierarchy. */
export interface Unit {
  code: NodeCode;
  name: string;
  level: Level;
  parent: NodeCode | null;
  domains: Domain[];
  direct_households: number;
}
/** A unit in a subtree listing with its household totals. */
export interface TreeRow {
  code: NodeCode;
  parent: NodeCode | null;
  level: Level;
  name: string;
  /** Depth below the subtree's root (0 for the root). */
  depth: number;
  direct_households: number;
  /** Households in its whole subtree. */
  households: number;
}
/** A household under a unit. */
export interface HouseholdRow {
  id: string;
  unit: NodeCode | null;
  area: DecimalString;
}
/** A household and its residents. */
export interface Household extends HouseholdRow {
  residents: string[];
}
/** A person found under a unit, by a role held there or as a resident (role null). */
export interface PersonAt {
  person: string;
  role: Role | null;
  unit: NodeCode;
  household: string | null;
}
/** A role held at a unit. */
export interface RoleAt {
  role: Role;
  unit: NodeCode;
}
/** A registered person. */
export interface Person {
  id: string;
  name: string;
  phone: string | null;
  party_member: boolean;
  /** The household they live in. */
  home: string | null;
  roles: RoleAt[];
}
/** Sizes of the ward or of a subtree. */
export interface Counts {
  districts: number;
  streets: number;
  communities: number;
  grids: number;
  micro_grids: number;
  households: number;
  people: number;
  departments: number;
  paired_units: number;
  directives: number;
}
/** Someone who answers at a link of a chain. */
export interface Responder {
  person: string;
  name: string;
  role: Role;
}
/** A unit of a chain of responsibility. */
export interface ChainLink {
  code: NodeCode;
  level: Level;
  name: string;
  responders: Responder[];
}
/** Who answers for a household in a domain, lowest unit first, and the street's departments (吹哨报到). */
export interface Chain {
  household: string;
  domain: Domain;
  links: ChainLink[];
  departments: { id: string; name: string }[];
}
/** A micro-grid outside its size band. */
export interface OutOfBand {
  code: NodeCode;
  households: number;
}
/** A unit without the leader its level needs. */
export interface MissingLeader {
  code: NodeCode;
  level: Level;
  role: Role;
}
/** What the coverage check found. */
export interface CoverageReport {
  scope: NodeCode | null;
  households: number;
  micro_grids: number;
  unassigned_households: string[];
  out_of_band: OutOfBand[];
  without_party_member: NodeCode[];
  without_leader: MissingLeader[];
  is_clean: boolean;
  /** Share of micro-grids that break none of their rules (0..1). */
  micro_grid_compliance: number;
}
/** How far a directive has come. */
export interface DirectiveProgress {
  id: string;
  unit: NodeCode;
  title: string;
  issued_at: DateString;
  due: DateString | null;
  targets: number;
  acknowledged: number;
  /** acknowledged / targets (1 when there are none). */
  completion_rate: number;
  late: number;
  first_after_secs: number | null;
  last_after_secs: number | null;
}
/** A directive's progress within one unit. */
export interface UnitProgress {
  code: NodeCode;
  name: string;
  targets: number;
  acknowledged: number;
  completion_rate: number;
}
/** A directive as listed by directives(). */
export interface DirectiveSummary {
  id: string;
  unit: NodeCode;
  title: string;
  issued_at: DateString;
  due: DateString | null;
  targets: number;
  acknowledged: number;
}
/** Where and why a journal's chain breaks. */
export interface ChainBreak {
  /** The 1-based line. */
  line: number;
  reason: string;
}
/** The outcome of verifying journal text. */
export interface VerifyReport {
  /** Entries intact before any break. */
  entries: number;
  /** Hash of the last intact entry (zeros if none). */
  head: HashHex;
  intact: boolean;
  first_break: ChainBreak | null;
  /** With an expected head: whether the journal is intact and ends there; otherwise null. */
  head_matches: boolean | null;
}

export interface AddUnitArgs { code: NodeCode; name: string; domains?: Domain[] | null }
export interface RenameUnitArgs { code: NodeCode; name: string }
export interface SetDomainsArgs { code: NodeCode; domains: Domain[] }
export interface RetireUnitArgs { code: NodeCode; transfer_households_to?: NodeCode | null }
export interface AddHouseholdArgs { id: string; unit: NodeCode; area: DecimalInput }
export interface MoveHouseholdArgs { id: string; to: NodeCode }
export interface AddPersonArgs { id: string; name: string; phone?: string | null; party_member?: boolean }
export interface RegisterResidentArgs { person: string; household: string }
export interface RoleArgs { person: string; role: Role; unit: NodeCode }
export interface AddDepartmentArgs { id: string; name: string; street: NodeCode; domains: Domain[] }
export interface AddPairedUnitArgs { id: string; name: string; community: NodeCode }
export interface IssueDirectiveArgs { id: string; unit: NodeCode; title: string; due?: DateInput | null }
export interface AcknowledgeArgs { directive: string; households: string[] }

/** One row of a bulk import, by kind. */
export type ImportRow =
  | { kind: "unit"; code: NodeCode; parent?: NodeCode | null; name: string; domains?: Domain[] | null }
  | { kind: "household"; id: string; unit: NodeCode; area: DecimalInput }
  | { kind: "person"; id: string; name: string; phone?: string | null; party_member?: boolean; household?: string | null }
  | { kind: "role"; person: string; role: Role; unit: NodeCode }
  | { kind: "department"; id: string; name: string; street: NodeCode; domains: Domain[] }
  | { kind: "paired_unit"; id: string; name: string; community: NodeCode };

/** A grid command in its JSON form, as execute() and decide() take it. */
export type GridCommand =
  | ({ type: "add_unit" } & AddUnitArgs)
  | ({ type: "rename_unit" } & RenameUnitArgs)
  | ({ type: "set_domains" } & SetDomainsArgs)
  | ({ type: "retire_unit" } & RetireUnitArgs)
  | ({ type: "add_household" } & AddHouseholdArgs)
  | ({ type: "move_household" } & MoveHouseholdArgs)
  | ({ type: "add_person" } & AddPersonArgs)
  | ({ type: "register_resident" } & RegisterResidentArgs)
  | ({ type: "grant_role" } & RoleArgs)
  | ({ type: "revoke_role" } & RoleArgs)
  | ({ type: "add_department" } & AddDepartmentArgs)
  | ({ type: "add_paired_unit" } & AddPairedUnitArgs)
  | { type: "import"; rows: ImportRow[] }
  | ({ type: "issue_directive" } & IssueDirectiveArgs)
  | ({ type: "acknowledge" } & AcknowledgeArgs);

/** The type tag of a grid event. */
export type GridEventType =
  | "unit_added" | "unit_renamed" | "domains_set" | "unit_retired" | "household_added"
  | "household_moved" | "person_added" | "resident_registered" | "role_granted"
  | "role_revoked" | "department_added" | "paired_unit_added" | "directive_issued"
  | "directive_acknowledged";
/** A grid event in its JSON form: its type and that event's fields. */
export interface GridEvent {
  type: GridEventType;
  [field: string]: unknown;
}
/** An event of any capability, as recorded in the journal. */
export type WardEvent =
  | { grid: GridEvent; tasks?: never; fund?: never; assembly?: never; scoring?: never; points?: never }
  | { tasks: TaskEvent; grid?: never; fund?: never; assembly?: never; scoring?: never; points?: never }
  | { fund: FundEvent; grid?: never; tasks?: never; assembly?: never; scoring?: never; points?: never }
  | { assembly: AssemblyEvent; grid?: never; tasks?: never; fund?: never; scoring?: never; points?: never }
  | { scoring: ScoringEvent; grid?: never; tasks?: never; fund?: never; assembly?: never; points?: never }
  | { points: PointsEvent; grid?: never; tasks?: never; fund?: never; assembly?: never; scoring?: never };
/**
 * A command of any capability, as execute() and decide() take it: by capability, or a
 * plain grid command (the form taken before there were other capabilities).
 */
export type WardCommand =
  | GridCommand
  | { grid: GridCommand }
  | { tasks: TaskCommand }
  | { fund: FundCommand }
  | { assembly: AssemblyCommand }
  | { scoring: ScoringCommand }
  | { points: PointsCommand };
"#;
