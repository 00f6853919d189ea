function handler() {
  class Model {
    static table() { return this.name.toLowerCase() + "s"; }
    static create(attrs) { const m = new this(); Object.assign(m, attrs); return m; }
  }
  class User extends Model {}
  class Post extends Model { static table() { return "articles"; } }
  const u = User.create({ name: "Ada" });
  return { tables: [Model.table(), User.table(), Post.table()], user: u, isUser: u instanceof User, proto: Object.getPrototypeOf(User) === Model };
}
