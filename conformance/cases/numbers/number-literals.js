module.exports = () => [0xff, 0o17, 0b1010, 1_000_000, 1e3, .5, 5., 0.1e2, 0xFF_FF];
