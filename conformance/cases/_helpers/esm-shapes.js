// An ES module with every export form: declarations, a default class, aliases and a live `let`.
export const PI = 3;
export let created = 0;
export function bump() {
  created += 1;
  return created;
}
export default class Shape {
  constructor(name) {
    this.name = name;
    bump();
  }
  describe() {
    return `${this.name} with area ${this.area()}`;
  }
}
export class Square extends Shape {
  constructor(side) {
    super("square");
    this.side = side;
  }
  area() {
    return this.side * this.side;
  }
}
function circleArea(r) {
  return PI * r * r;
}
export { circleArea as area, circleArea };
