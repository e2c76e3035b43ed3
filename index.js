// n8n loads the package through the "n8n" field of package.json; this entry point serves
// programmatic use (tests, scripts) of the same compiled classes.
module.exports = {
	UMeeting: require('./dist/nodes/UMeeting/UMeeting.node').UMeeting,
	UMeetingTrigger: require('./dist/nodes/UMeeting/UMeetingTrigger.node').UMeetingTrigger,
	UMeetingApi: require('./dist/credentials/UMeetingApi.credentials').UMeetingApi,
};
