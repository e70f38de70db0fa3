/* knack:bundle v1 */
var __knackSkill = (() => {
  var __defProp = Object.defineProperty;
  var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __hasOwnProp = Object.prototype.hasOwnProperty;
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };
  var __copyProps = (to, from, except, desc) => {
    if (from && typeof from === "object" || typeof from === "function") {
      for (let key of __getOwnPropNames(from))
        if (!__hasOwnProp.call(to, key) && key !== except)
          __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
    }
    return to;
  };
  var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

  // thank_reporter_ticket.ts
  var thank_reporter_ticket_exports = {};
  __export(thank_reporter_ticket_exports, {
    default: () => thankReporterTicket,
    meta: () => meta
  });
  var meta = { name: "thank_reporter_ticket", description: "Thank the reporter of ticket <ticketId> in a comment." };
  async function thankReporterTicket(input, tools) {
    const ticket = await tools.tickets.get({ id: input.ticketId });
    const comment = await tools.tickets.comment({
      ticketId: input.ticketId,
      body: `Thanks @${ticket.reporter} for reporting "${ticket.subject}"!`
    });
    return comment;
  }
  return __toCommonJS(thank_reporter_ticket_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsidGhhbmtfcmVwb3J0ZXJfdGlja2V0LnRzIl0sCiAgInNvdXJjZXNDb250ZW50IjogWyJpbXBvcnQgdHlwZSB7IFRvb2xzIH0gZnJvbSBcImtuYWNrOnRvb2xzXCI7XG5cbmV4cG9ydCBjb25zdCBtZXRhID0geyBuYW1lOiBcInRoYW5rX3JlcG9ydGVyX3RpY2tldFwiLCBkZXNjcmlwdGlvbjogXCJUaGFuayB0aGUgcmVwb3J0ZXIgb2YgdGlja2V0IDx0aWNrZXRJZD4gaW4gYSBjb21tZW50LlwiIH0gYXMgY29uc3Q7XG5cbmV4cG9ydCBpbnRlcmZhY2UgSW5wdXQge1xuICB0aWNrZXRJZDogc3RyaW5nO1xufVxuXG5leHBvcnQgdHlwZSBPdXRwdXQgPSBBd2FpdGVkPFJldHVyblR5cGU8VG9vbHNbXCJ0aWNrZXRzXCJdW1wiY29tbWVudFwiXT4+O1xuXG4vKiogVGhhbmsgdGhlIHJlcG9ydGVyIG9mIHRpY2tldCA8dGlja2V0SWQ+IGluIGEgY29tbWVudC4gKHRyYWNlLWNvbXBpbGVkIGZyb20gdGhhbmstcmVwb3J0ZXItVC0xMDA2LCB0aGFuay1yZXBvcnRlci1ULTEwMDMuKSAqL1xuZXhwb3J0IGRlZmF1bHQgYXN5bmMgZnVuY3Rpb24gdGhhbmtSZXBvcnRlclRpY2tldChpbnB1dDogSW5wdXQsIHRvb2xzOiBUb29scyk6IFByb21pc2U8T3V0cHV0PiB7XG4gIC8vIHRoYW5rLXJlcG9ydGVyLVQtMTAwNiBzdGVwIDE6IHRpY2tldHMuZ2V0XG4gIGNvbnN0IHRpY2tldCA9IGF3YWl0IHRvb2xzLnRpY2tldHMuZ2V0KHsgaWQ6IGlucHV0LnRpY2tldElkIH0pO1xuICAvLyB0aGFuay1yZXBvcnRlci1ULTEwMDYgc3RlcCAyOiB0aWNrZXRzLmNvbW1lbnRcbiAgY29uc3QgY29tbWVudCA9IGF3YWl0IHRvb2xzLnRpY2tldHMuY29tbWVudCh7XG4gICAgdGlja2V0SWQ6IGlucHV0LnRpY2tldElkLFxuICAgIGJvZHk6IGBUaGFua3MgQCR7dGlja2V0LnJlcG9ydGVyfSBmb3IgcmVwb3J0aW5nIFwiJHt0aWNrZXQuc3ViamVjdH1cIiFgLFxuICB9KTtcbiAgcmV0dXJuIGNvbW1lbnQ7XG59XG4iXSwKICAibWFwcGluZ3MiOiAiOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUFBO0FBRU8sTUFBTSxPQUFPLEVBQUUsTUFBTSx5QkFBeUIsYUFBYSx3REFBd0Q7QUFTMUgsaUJBQU8sb0JBQTJDLE9BQWMsT0FBK0I7QUFFN0YsVUFBTSxTQUFTLE1BQU0sTUFBTSxRQUFRLElBQUksRUFBRSxJQUFJLE1BQU0sU0FBUyxDQUFDO0FBRTdELFVBQU0sVUFBVSxNQUFNLE1BQU0sUUFBUSxRQUFRO0FBQUEsTUFDMUMsVUFBVSxNQUFNO0FBQUEsTUFDaEIsTUFBTSxXQUFXLE9BQU8sUUFBUSxtQkFBbUIsT0FBTyxPQUFPO0FBQUEsSUFDbkUsQ0FBQztBQUNELFdBQU87QUFBQSxFQUNUOyIsCiAgIm5hbWVzIjogW10KfQo=
