// Shared helpers of the scoring and points tests: the small community of support.mjs
// with volunteers, and shorthands for the call contexts they use.
import { smallWard, COMMUNITY } from "./support.mjs";

/** The platform acting at a time of 2026 ("MM-DDTHH:MM"). */
export const sys = (when = "03-02T09:00") => ({ at: `2026-${when}:00+08:00` });
/** A person acting at a time of 2026. */
export const as = (actor, when = "03-02T09:00") => ({ actor, at: `2026-${when}:00+08:00` });

/**
 * The small community with volunteers v1 … vN (no role: they serve and redeem as
 * themselves); "chief" (chief grid leader of the community) certifies and keeps points.
 */
export function volunteerWard(config, volunteers = 2) {
  const ward = smallWard(config);
  for (let i = 1; i <= volunteers; i += 1) {
    ward.grid.add_person({ id: `v${i}`, name: `志愿者${i}` }, sys());
  }
  return ward;
}

/** Records a service of `person` and has the chief certify it. */
export function certifiedService(ward, id, person, minutes, { activity = "charity", day = "03-07" } = {}) {
  ward.scoring.record_service({ id, person, unit: COMMUNITY, activity,
    started_at: `2026-${day}T09:00:00+08:00`, minutes }, as(person, `${day}T12:00`));
  return ward.scoring.certify_service({ id }, as("chief", `${day}T18:00`));
}
