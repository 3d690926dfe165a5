import Testing

@Test func placeholderGate() {}
