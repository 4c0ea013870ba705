// Uses the msw-backed mock APIs in a project without msw: must fail with one line naming msw.
const { createLogtoMockApi, mockApiHandlers } = await import('hooksim/mock-apis');
try {
  await mockApiHandlers(createLogtoMockApi());
  console.log('loaded msw');
} catch (error) {
  console.log(`error: ${error.message}`);
}
