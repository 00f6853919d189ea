function handler() {
  return [+"", +" 7 ", +"7a", +true, +null, +[], +[5], +"0x10", -"3", -null, +"-0", 1 / +"-0", - -"4", +new Date(1000), +"1e2"].map(String);
}
