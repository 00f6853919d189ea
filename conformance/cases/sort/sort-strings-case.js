exports.handler = () => {
  const words = ["banana", "Apple", "cherry", "apple", "Banana", "_x", "1a", "10", "9"];
  return {
    byCode: [...words].sort(),
    caseInsensitive: [...words].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    byLength: [...words].sort((a, b) => a.length - b.length),
  };
};
