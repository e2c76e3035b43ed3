// n8n loads the package through the "n8n" field of package.json; this entry point serves
// `require('n8n-nodes-umeeting')` with the same files. Each is a self-contained bundle
// (scripts/build/bundle.js): the node and the trigger each carry their own copy of the code they share.
module.exports = {
	UMeeting: require('./dist/nodes/UMeeting/UMeeting.node').UMeeting,
	UMeetingTrigger: require('./dist/nodes/UMeeting/UMeetingTrigger.node').UMeetingTrigger,
	UMeetingApi: require('./dist/credentials/UMeetingApi.credentials').UMeetingApi,
};
