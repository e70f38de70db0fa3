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

  // escalate_ticket_make.ts
  var escalate_ticket_make_exports = {};
  __export(escalate_ticket_make_exports, {
    default: () => escalateTicketMake,
    meta: () => meta
  });
  var meta = { name: "escalate_ticket_make", description: "Escalate ticket <ticketId>: make it <priority>, tag it <addTags> and assign it to the <team> team <memberRole>." };
  async function escalateTicketMake(input, tools) {
    await tools.tickets.update({ ticketId: input.ticketId, priority: input.priority, addTags: [input.addTags] });
    const members = await tools.team.list_members({ team: input.team });
    const foundMember = members.members.find((member) => member.role === input.memberRole);
    if (!foundMember) throw new Error(`No member with role ${JSON.stringify(input.memberRole)} was found.`);
    const assign = await tools.tickets.assign({ ticketId: input.ticketId, assignee: foundMember.handle });
    return { ticketId: input.ticketId, assignee: assign.assignee, priority: input.priority };
  }
  return __toCommonJS(escalate_ticket_make_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiZXNjYWxhdGVfdGlja2V0X21ha2UudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCB0eXBlIHsgVG9vbHMgfSBmcm9tIFwia25hY2s6dG9vbHNcIjtcblxuZXhwb3J0IGNvbnN0IG1ldGEgPSB7IG5hbWU6IFwiZXNjYWxhdGVfdGlja2V0X21ha2VcIiwgZGVzY3JpcHRpb246IFwiRXNjYWxhdGUgdGlja2V0IDx0aWNrZXRJZD46IG1ha2UgaXQgPHByaW9yaXR5PiwgdGFnIGl0IDxhZGRUYWdzPiBhbmQgYXNzaWduIGl0IHRvIHRoZSA8dGVhbT4gdGVhbSA8bWVtYmVyUm9sZT4uXCIgfSBhcyBjb25zdDtcblxuZXhwb3J0IGludGVyZmFjZSBJbnB1dCB7XG4gIHRpY2tldElkOiBzdHJpbmc7XG4gIHByaW9yaXR5OiBcImxvd1wiIHwgXCJub3JtYWxcIiB8IFwiaGlnaFwiIHwgXCJ1cmdlbnRcIjtcbiAgYWRkVGFnczogc3RyaW5nO1xuICB0ZWFtOiBcImJpbGxpbmdcIiB8IFwic2hpcHBpbmdcIiB8IFwicGxhdGZvcm1cIiB8IFwiYWNjb3VudHNcIjtcbiAgbWVtYmVyUm9sZTogc3RyaW5nO1xufVxuXG5leHBvcnQgaW50ZXJmYWNlIE91dHB1dCB7XG4gIHRpY2tldElkOiBzdHJpbmc7XG4gIGFzc2lnbmVlOiBzdHJpbmc7XG4gIHByaW9yaXR5OiBzdHJpbmc7XG59XG5cbi8qKiBFc2NhbGF0ZSB0aWNrZXQgPHRpY2tldElkPjogbWFrZSBpdCA8cHJpb3JpdHk+LCB0YWcgaXQgPGFkZFRhZ3M+IGFuZCBhc3NpZ24gaXQgdG8gdGhlIDx0ZWFtPiB0ZWFtIDxtZW1iZXJSb2xlPi4gKHRyYWNlLWNvbXBpbGVkIGZyb20gZXNjYWxhdGUtVC0xMDA1LikgKi9cbmV4cG9ydCBkZWZhdWx0IGFzeW5jIGZ1bmN0aW9uIGVzY2FsYXRlVGlja2V0TWFrZShpbnB1dDogSW5wdXQsIHRvb2xzOiBUb29scyk6IFByb21pc2U8T3V0cHV0PiB7XG4gIC8vIGVzY2FsYXRlLVQtMTAwNSBzdGVwIDE6IHRpY2tldHMudXBkYXRlXG4gIGF3YWl0IHRvb2xzLnRpY2tldHMudXBkYXRlKHsgdGlja2V0SWQ6IGlucHV0LnRpY2tldElkLCBwcmlvcml0eTogaW5wdXQucHJpb3JpdHksIGFkZFRhZ3M6IFtpbnB1dC5hZGRUYWdzXSB9KTtcbiAgLy8gZXNjYWxhdGUtVC0xMDA1IHN0ZXAgMjogdGVhbS5saXN0X21lbWJlcnNcbiAgY29uc3QgbWVtYmVycyA9IGF3YWl0IHRvb2xzLnRlYW0ubGlzdF9tZW1iZXJzKHsgdGVhbTogaW5wdXQudGVhbSB9KTtcbiAgLy8gZXNjYWxhdGUtVC0xMDA1IHN0ZXAgMzogdGlja2V0cy5hc3NpZ25cbiAgY29uc3QgZm91bmRNZW1iZXIgPSBtZW1iZXJzLm1lbWJlcnMuZmluZCgobWVtYmVyKSA9PiBtZW1iZXIucm9sZSA9PT0gaW5wdXQubWVtYmVyUm9sZSk7XG4gIGlmICghZm91bmRNZW1iZXIpIHRocm93IG5ldyBFcnJvcihgTm8gbWVtYmVyIHdpdGggcm9sZSAke0pTT04uc3RyaW5naWZ5KGlucHV0Lm1lbWJlclJvbGUpfSB3YXMgZm91bmQuYCk7XG4gIGNvbnN0IGFzc2lnbiA9IGF3YWl0IHRvb2xzLnRpY2tldHMuYXNzaWduKHsgdGlja2V0SWQ6IGlucHV0LnRpY2tldElkLCBhc3NpZ25lZTogZm91bmRNZW1iZXIuaGFuZGxlIH0pO1xuICByZXR1cm4geyB0aWNrZXRJZDogaW5wdXQudGlja2V0SWQsIGFzc2lnbmVlOiBhc3NpZ24uYXNzaWduZWUsIHByaW9yaXR5OiBpbnB1dC5wcmlvcml0eSB9O1xufVxuIl0sCiAgIm1hcHBpbmdzIjogIjs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7O0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFBQTtBQUVPLE1BQU0sT0FBTyxFQUFFLE1BQU0sd0JBQXdCLGFBQWEsa0hBQWtIO0FBaUJuTCxpQkFBTyxtQkFBMEMsT0FBYyxPQUErQjtBQUU1RixVQUFNLE1BQU0sUUFBUSxPQUFPLEVBQUUsVUFBVSxNQUFNLFVBQVUsVUFBVSxNQUFNLFVBQVUsU0FBUyxDQUFDLE1BQU0sT0FBTyxFQUFFLENBQUM7QUFFM0csVUFBTSxVQUFVLE1BQU0sTUFBTSxLQUFLLGFBQWEsRUFBRSxNQUFNLE1BQU0sS0FBSyxDQUFDO0FBRWxFLFVBQU0sY0FBYyxRQUFRLFFBQVEsS0FBSyxDQUFDLFdBQVcsT0FBTyxTQUFTLE1BQU0sVUFBVTtBQUNyRixRQUFJLENBQUMsWUFBYSxPQUFNLElBQUksTUFBTSx1QkFBdUIsS0FBSyxVQUFVLE1BQU0sVUFBVSxDQUFDLGFBQWE7QUFDdEcsVUFBTSxTQUFTLE1BQU0sTUFBTSxRQUFRLE9BQU8sRUFBRSxVQUFVLE1BQU0sVUFBVSxVQUFVLFlBQVksT0FBTyxDQUFDO0FBQ3BHLFdBQU8sRUFBRSxVQUFVLE1BQU0sVUFBVSxVQUFVLE9BQU8sVUFBVSxVQUFVLE1BQU0sU0FBUztBQUFBLEVBQ3pGOyIsCiAgIm5hbWVzIjogW10KfQo=
