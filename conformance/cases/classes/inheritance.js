class Animal {
  constructor(name) { this.name = name; }
  speak() { return `${this.name} makes a sound`; }
  describe() { return `${this.constructor.name}: ${this.speak()}`; }
}
class Dog extends Animal {
  constructor(name, breed) { super(name); this.breed = breed; }
  speak() { return `${this.name} barks`; }
  parentSpeak() { return super.speak(); }
}
class Puppy extends Dog {
  speak() { return super.speak() + " softly"; }
}
exports.handler = () => {
  const pets = [new Animal("generic"), new Dog("rex", "lab"), new Puppy("bit", "pug")];
  return { speeches: pets.map((p) => p.speak()), described: pets.map((p) => p.describe()), parent: pets[1].parentSpeak(), instanceChecks: pets.map((p) => [p instanceof Animal, p instanceof Dog, p instanceof Puppy]), json: pets };
};
