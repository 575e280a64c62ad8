// 吉福社区's volunteer points (积分制) for the first months of 2026: four volunteers
// serve (elder care, patrols, mediation), the community's staff certify their time,
// certified hours earn points at 10 an hour (plus 5 for elder care), stars are granted
// by 张家港's profile (30 / 60 / 100 / 200 / 300 hours), and the points buy things from
// the community's catalog — one redemption is reversed.
//
// Pure data and calls on a fresh `Ward`: the page (main.js) runs it in the browser and
// shows the volunteers, a passbook and the catalog; the browser test runs it in Node to
// know what to expect.

/** The community whose staff certify and keep the points. */
export const COMMUNITY = "510105001001";
/** The volunteer whose passbook the page shows. */
export const SHOWN = "v-chen";
/** The ward's configuration: the rules the figures follow. */
export const CONFIG = {
  scoring: { stars: { name: "zhangjiagang", thresholds: ["30", "60", "100", "200", "300"] } },
  points: { per_hour: "10", per_activity: { elder_care: 5 }, expiry: { rule: "end_of_year" } },
};

/** Volunteers as [id, name, activity, services of 4 hours]. */
export const VOLUNTEERS = [
  ["v-wang", "王阿姨", "elder_care", 16],
  ["v-li", "李师傅", "patrol", 10],
  ["v-zhao", "赵老师", "mediation", 26],
  ["v-chen", "陈同学", "charity", 3],
];

/** The catalog as [id, name, cost, stock, per_person, min_star]. */
const CATALOG = [
  ["rice", "大米 5kg", 200, 5, 1, null],
  ["bus", "公交月卡", 100, 3, 1, 2],
  ["haircut", "理发券", 50, 10, null, null],
];

const at = (month, day, time = "09:00") =>
  `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${time}:00+08:00`;

/** Units, the community's staff and the volunteers. */
function setUp(ward) {
  const platform = { at: at(1, 1, "08:00") };
  const { grid } = ward;
  for (const [code, name] of [["510105", "青羊区"], ["510105001", "草市街街道"], [COMMUNITY, "吉福社区"]]) {
    grid.add_unit({ code, name }, platform);
  }
  grid.add_person({ id: "staff", name: "社区专干 周" }, platform);
  grid.grant_role({ person: "staff", role: "community_staff", unit: COMMUNITY }, platform);
  for (const [id, name] of VOLUNTEERS) grid.add_person({ id, name }, platform);
}

/** Service day by day in January, each record certified by the staff that evening. */
function serve(ward) {
  const { scoring } = ward;
  const staff = (day, time) => ({ actor: "staff", at: at(1, day, time) });
  for (let day = 1; day <= 26; day += 1) {
    for (const [person, , activity, services] of VOLUNTEERS) {
      if (day > services) continue;
      const id = `${person}-${day}`;
      scoring.record_service({ id, person, unit: COMMUNITY, activity,
        started_at: at(1, day, "08:00"), minutes: 240, travel_minutes: 20 },
      { actor: person, at: at(1, day, "13:00") });
      scoring.certify_service({ id }, staff(day, "18:00"));
    }
  }
  // A record without a sign-in sheet is refused and never counts.
  scoring.record_service({ id: "v-chen-x", person: "v-chen", unit: COMMUNITY, activity: "charity",
    started_at: at(1, 28, "08:00"), minutes: 480 }, { actor: "v-chen", at: at(1, 28, "17:00") });
  scoring.reject_service({ id: "v-chen-x", reason: "无签到记录" }, staff(28, "18:00"));
}

/** Points for every certified record, stars, the catalog and what was redeemed. */
function earnAndRedeem(ward) {
  const { scoring, points } = ward;
  const staff = (month, day) => ({ actor: "staff", at: at(month, day) });
  for (const record of scoring.service_records()) {
    if (record.status === "certified") points.earn_for_service({ record: record.id }, staff(2, 1));
  }
  points.award({ id: "spring", person: "v-chen", unit: COMMUNITY, points: 30, reason: "春节义写春联" }, staff(2, 2));
  scoring.grant_stars({ on: "2026-02-03" }, { at: at(2, 3) });
  for (const [id, name, cost, stock, per_person, min_star] of CATALOG) {
    points.add_item({ id, unit: COMMUNITY, name, cost, stock, per_person, min_star }, staff(2, 3));
  }
  const redemptions = [
    ["r-1", "v-wang", "rice", 1], ["r-2", "v-wang", "bus", 1], ["r-3", "v-zhao", "bus", 1],
    ["r-4", "v-zhao", "haircut", 4], ["r-5", "v-li", "rice", 1], ["r-6", "v-chen", "haircut", 2],
  ];
  for (const [id, person, item, quantity] of redemptions) {
    points.redeem({ id, person, item, quantity }, { actor: person, at: at(2, 10), key: `redeem-${id}` });
  }
  points.reverse({ id: "r-4", reason: "理发店停业" }, staff(2, 20));
}

/** Runs the months on `ward`; returns what the page shows. */
export function buildVolunteerPoints(ward) {
  setUp(ward);
  serve(ward);
  earnAndRedeem(ward);
  return {
    volunteers: ward.scoring.volunteers(),
    passbook: ward.points.passbook({ person: SHOWN }),
    history: ward.points.passbook_history({ person: SHOWN }),
    items: ward.points.items(),
    totals: ward.points.totals(),
    head: ward.head,
  };
}
