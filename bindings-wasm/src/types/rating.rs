//! TypeScript declarations of the community rating tree: the tree and the communities'
//! data going in, evaluations and losses coming out. They describe the JSON form of the
//! core's serde types; decimals are strings coming out ("90.00").

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const RATING_TYPES: &'static str = r#"
/** Which way an indicator's value is better. */
export type Better = "higher" | "lower";
/** How an indicator's value becomes a score between 0 and 1: against a target, against the communities evaluated together, or a yes/no flag (0 or 1). */
export type NormaliseInput =
  | { method: "target"; target: DecimalInput; better: Better }
  | { method: "min_max"; better: Better }
  | { method: "flag" };
/** A node of a rating tree: a group with children, or an indicator with its normalise rule. Weights are relative among siblings. */
export type RatingNodeInput =
  | { id: string; name: string; weight: DecimalInput; children: RatingNodeInput[] }
  | { id: string; name: string; weight: DecimalInput; normalise: NormaliseInput };
/** A rating tree (考核评价指标体系) going in; bands default to 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, lowest 不合格. */
export interface RatingTreeInput {
  name: string;
  items: RatingNodeInput[];
  /** Veto items (一票否决). */
  vetoes?: { id: string; name: string }[];
  /** Grade bands, highest first. */
  bands?: { label: string; min: DecimalInput }[];
  lowest?: string;
}
/** One community's values, by indicator id, and the vetoes that fired. */
export interface CommunityDataInput {
  community: string;
  values: Record<string, DecimalInput>;
  vetoes?: string[];
}
/** The points of one top-level node of the tree. */
export interface ItemScore { id: string; name: string; points: DecimalString; max: DecimalString }
/** Points an indicator lost. */
export interface Loss {
  indicator: string;
  name: string;
  /** The top-level node it sits under. */
  item: string;
  value: DecimalString;
  points_lost: DecimalString;
}
/** One community's result. */
export interface Evaluation {
  community: string;
  /** Out of 100, two decimals. */
  score: DecimalString;
  grade: string;
  /** Competition rank (1, 2, 2, 4): communities without a fired veto first. */
  rank: number;
  /** Ids of the vetoes that fired. */
  vetoed: string[];
  items: ItemScore[];
  /** Most points lost first. */
  lost: Loss[];
}
/** A loss with its community: a row of ratingLosses. */
export interface LossRow extends Loss {
  community: string;
  grade: string;
  rank: number;
}
/** What checkRatingTree reports. */
export interface RatingTreeSummary {
  name: string;
  /** Top-level nodes. */
  top_level: number;
  /** Groups just above the indicators. */
  items: number;
  indicators: number;
  vetoes: number;
}
"#;
