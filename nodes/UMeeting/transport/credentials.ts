export const CREDENTIAL_TYPE = 'uMeetingApi';

export interface UMeetingCredentials {
	apiKey: string;
	apiSecret: string;
	baseUrl: string;
	allowInsecureHttp?: boolean;
}
