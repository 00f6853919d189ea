// task-manager's handler from before tasks became a resource, kept as JavaScript coverage.
const tasks = [];
let nextId = 1;

const notFound = (id) => ({ status: 404, body: { error: "not_found", message: `No task with id ${id}` } });

function validate(input, { partial = false } = {}) {
  const errors = [];
  if (!partial || input.title !== undefined) {
    if (typeof input.title !== "string" || input.title.trim() === "") {
      errors.push("title must be a non-empty string");
    } else if (Array.from(input.title).length > 120) {
      errors.push("title must be at most 120 characters");
    }
  }
  if (input.done !== undefined && typeof input.done !== "boolean") {
    errors.push("done must be a boolean");
  }
  if (input.priority !== undefined && !["low", "normal", "high"].includes(input.priority)) {
    errors.push(`priority must be one of low, normal, high (got ${JSON.stringify(input.priority)})`);
  }
  return errors;
}

function findTask(req) {
  const id = Number(req.path_params.id);
  return tasks.find((task) => task.id === id);
}

export function GET(req) {
  if (req.path_params.id !== undefined) {
    const task = findTask(req);
    return task ? { body: task } : notFound(req.path_params.id);
  }
  const { done } = req.query_params;
  const visible = done === undefined ? tasks : tasks.filter((task) => String(task.done) === done);
  return { body: { tasks: visible, total: visible.length } };
}

export function POST(req) {
  const input = req.body ?? {};
  const errors = validate(input);
  if (errors.length > 0) {
    return { status: 422, body: { error: "invalid_task", errors } };
  }
  const now = new Date().toISOString();
  const task = {
    id: nextId++,
    title: input.title.trim(),
    done: input.done ?? false,
    priority: input.priority ?? "normal",
    createdAt: now,
    updatedAt: now,
  };
  tasks.push(task);
  return { status: 201, headers: { location: `/tasks/${task.id}` }, body: task };
}

export function PUT(req) {
  const task = findTask(req);
  if (!task) return notFound(req.path_params.id);
  const input = req.body ?? {};
  const errors = validate(input, { partial: true });
  if (errors.length > 0) {
    return { status: 422, body: { error: "invalid_task", errors } };
  }
  const { title, done, priority } = input;
  Object.assign(task, {
    title: title?.trim() ?? task.title,
    done: done ?? task.done,
    priority: priority ?? task.priority,
    updatedAt: new Date().toISOString(),
  });
  return { body: task };
}

export function DELETE(req) {
  const index = tasks.findIndex((task) => task.id === Number(req.path_params.id));
  if (index === -1) return notFound(req.path_params.id);
  const [removed] = tasks.splice(index, 1);
  return { status: 200, body: { deleted: removed.id } };
}
