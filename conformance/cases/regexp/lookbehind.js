export default function () {
  return {
    positive: "$10 €20 $30".match(/(?<=\$)\d+/g),
    negative: "$10 €20 $30".match(/(?<!\$)\b\d+/g),
    lookahead: "100px 200em 300px".match(/\d+(?=px)/g),
    negLookahead: "100px 200em 300px".match(/\d+(?!px|\d)/g),
    thousands: "1234567.891".replace(/\B(?<!\.\d*)(?=(\d{3})+(?!\d))/g, ","),
  };
}
