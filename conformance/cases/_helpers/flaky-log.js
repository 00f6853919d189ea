// How many times flaky modules have been evaluated.
module.exports = { attempts: 0, esmAttempts: 0 };
