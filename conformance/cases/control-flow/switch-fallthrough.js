module.exports = () => {
  const classify = (x) => {
    const out = [];
    switch (x) {
      case 1:
        out.push("one");
      case 2:
        out.push("two-or-fall");
        break;
      case "2":
        out.push("string two");
        break;
      default:
        out.push("default");
      case 3:
        out.push("three");
        break;
      case 4: {
        out.push("four");
        return out.concat("returned");
      }
    }
    return out;
  };
  return [1, 2, "2", 3, 4, 5, null].map(classify);
};
