// Uses the msw-backed mock APIs in a project without msw: must fail with one line naming msw.
const mockApis = await import('hooksim/mock-apis');
try {
  await mockApis.startMockApis({ provider: 'logto' });
  console.log('started');
} catch (error) {
  console.log(`error: ${error.message}`);
}
