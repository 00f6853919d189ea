module.exports = () => ["hello world".search(/o/), "hello".search(/z/), "a.b".search("."), "ABC".search(/b/i), "x".search()];
