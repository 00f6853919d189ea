function handler() {
  const s = "a b&c=d/e?f#g+h%i😀é~!*'()";
  return { component: encodeURIComponent(s), uri: encodeURI(s), decoded: decodeURIComponent(encodeURIComponent(s)), decodeUri: decodeURI("%41%2F%20"), decodePlus: decodeURIComponent("a+b%20c"), reserved: encodeURI("http://x.com/a b?q=1&r=ü#frag") };
}
