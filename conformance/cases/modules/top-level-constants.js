const STATUS = Object.freeze({ ACTIVE: "active", DISABLED: "disabled" });
const DEFAULT_PAGE_SIZE = 25;
const LABELS = new Map([[STATUS.ACTIVE, "Active"], [STATUS.DISABLED, "Disabled"]]);
const users = [
  { id: 1, status: STATUS.ACTIVE },
  { id: 2, status: STATUS.DISABLED },
  { id: 3, status: STATUS.ACTIVE },
];
function summarize(list) {
  return list.map((u) => ({ ...u, label: LABELS.get(u.status) }));
}
// @request GET ?status=active
// @request GET
export default function (req) {
  const wanted = req.query_params.status;
  const list = wanted ? users.filter((u) => u.status === wanted) : users;
  return { pageSize: DEFAULT_PAGE_SIZE, users: summarize(list) };
}
