// Module state in a required helper is shared by everyone who requires it.
let count = 0;
exports.next = () => ++count;
exports.peek = () => count;
