export * from '@logto/schemas';
