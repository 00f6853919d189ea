// A small model class holding module-level state across requests.
// @request POST {"title": "write tests"}
// @request POST {"title": "ship"}
// @request GET
class TodoStore {
  #nextId = 1;
  constructor() { this.todos = []; }
  add(title) { const todo = { id: this.#nextId++, title, done: false }; this.todos.push(todo); return todo; }
  list() { return this.todos.map((t) => ({ ...t })); }
  get_count() { return this.todos.length; }
}
const store = new TodoStore();
export function POST(req) {
  return { status: 201, body: store.add(req.body.title) };
}
export function GET() {
  return { todos: store.list(), count: store.get_count() };
}
