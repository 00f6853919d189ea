// @request POST {"qty": "3", "price": 2.5, "active": "false", "tags": null}
export default function (req) {
  const { qty, price, active, tags } = req.body;
  return { total: qty * price, concat: qty + price, active: Boolean(active), strictActive: active === "true", tags: tags || [], tagsCount: (tags ?? []).length, qtyNum: +qty };
}
