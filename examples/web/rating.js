// A small community rating (社区考核评价) in the manner of 宝鸡's "four types" communities
// (平安型、便利型、美丽型、幸福型; the indicators under them are illustrative):
// four groups of indicators with weights per level, a veto item (一票否决), and the
// default grade bands (优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格). Four communities of
// 草市街街道 are rated on their year's figures.
//
// Pure data: the page (main.js) evaluates it in the browser with evaluateCommunities and
// shows the table; the browser test evaluates it in Node to know what to expect.

/** The rating scheme. */
export const TREE = {
  name: "草市街街道四型社区考核（示例）",
  items: [
    { id: "safe", name: "平安型", weight: "20", children: [
      { id: "cases", name: "万人发案数", weight: "70",
        normalise: { method: "target", target: "8", better: "lower" } },
      { id: "drills", name: "应急演练", weight: "30", normalise: { method: "flag" } },
    ] },
    { id: "convenient", name: "便利型", weight: "30", children: [
      { id: "closure_rate", name: "结案率", weight: "50",
        normalise: { method: "target", target: "98", better: "higher" } },
      { id: "on_time_rate", name: "按期结案率", weight: "50",
        normalise: { method: "target", target: "90", better: "higher" } },
    ] },
    { id: "beautiful", name: "美丽型", weight: "25", children: [
      { id: "clean_rate", name: "小区环境整治达标率", weight: "60",
        normalise: { method: "target", target: "95", better: "higher" } },
      { id: "waste_sorting", name: "垃圾分类全覆盖", weight: "40", normalise: { method: "flag" } },
    ] },
    { id: "happy", name: "幸福型", weight: "25", children: [
      { id: "satisfaction", name: "满意率", weight: "60",
        normalise: { method: "target", target: "95", better: "higher" } },
      { id: "volunteer_hours", name: "志愿服务时长(户均)", weight: "40",
        normalise: { method: "min_max", better: "higher" } },
    ] },
  ],
  vetoes: [{ id: "major_accident", name: "发生重大安全责任事故" }],
};

/** The communities' figures for the year. */
export const DATA = [
  { community: "吉福社区", values: { clean_rate: "97.5", waste_sorting: 1, closure_rate: "96.3",
    on_time_rate: "88.0", satisfaction: "97.2", volunteer_hours: "6.4", cases: "6.1", drills: 1 } },
  { community: "草市社区", values: { clean_rate: "88.0", waste_sorting: 1, closure_rate: "91.0",
    on_time_rate: "75.5", satisfaction: "90.0", volunteer_hours: "3.1", cases: "9.5", drills: 1 } },
  { community: "西御河社区", values: { clean_rate: "70.0", waste_sorting: 1, closure_rate: "84.0",
    on_time_rate: "60.0", satisfaction: "82.5", volunteer_hours: "1.2", cases: "14.0", drills: 0 } },
  { community: "太升社区", values: { clean_rate: "99.0", waste_sorting: 1, closure_rate: "98.5",
    on_time_rate: "93.0", satisfaction: "96.0", volunteer_hours: "7.9", cases: "5.0", drills: 1 },
  vetoes: ["major_accident"] },
];
