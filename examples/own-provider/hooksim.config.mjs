export default {
  providers: ['providers/acme.provider.yaml'],
  scenarios: ['scenarios'],
};
