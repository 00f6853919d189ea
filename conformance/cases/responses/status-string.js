// A numeric string status is converted with Number().
module.exports = () => ({ status: "202", body: { accepted: true } });
