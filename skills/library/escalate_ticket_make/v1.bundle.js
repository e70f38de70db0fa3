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
  var meta = { name: "escalate_ticket_make", description: "Escalate ticket <ticketId>: make it <priority>, tag it <addTags> and assign it to the <team> team lead." };
  async function escalateTicketMake(input, tools) {
    await tools.tickets.update({ ticketId: input.ticketId, priority: input.priority, addTags: [input.addTags] });
    const members = await tools.team.list_members({ team: input.team });
    const leadMember = members.members.find((member) => member.role === "lead");
    if (!leadMember) throw new Error(`No member with role "lead" was found.`);
    const assign = await tools.tickets.assign({ ticketId: input.ticketId, assignee: leadMember.handle });
    return { ticketId: input.ticketId, assignee: assign.assignee, priority: input.priority };
  }
  return __toCommonJS(escalate_ticket_make_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsiZXNjYWxhdGVfdGlja2V0X21ha2UudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCB0eXBlIHsgVG9vbHMgfSBmcm9tIFwia25hY2s6dG9vbHNcIjtcblxuZXhwb3J0IGNvbnN0IG1ldGEgPSB7IG5hbWU6IFwiZXNjYWxhdGVfdGlja2V0X21ha2VcIiwgZGVzY3JpcHRpb246IFwiRXNjYWxhdGUgdGlja2V0IDx0aWNrZXRJZD46IG1ha2UgaXQgPHByaW9yaXR5PiwgdGFnIGl0IDxhZGRUYWdzPiBhbmQgYXNzaWduIGl0IHRvIHRoZSA8dGVhbT4gdGVhbSBsZWFkLlwiIH0gYXMgY29uc3Q7XG5cbmV4cG9ydCBpbnRlcmZhY2UgSW5wdXQge1xuICB0aWNrZXRJZDogc3RyaW5nO1xuICBwcmlvcml0eTogXCJsb3dcIiB8IFwibm9ybWFsXCIgfCBcImhpZ2hcIiB8IFwidXJnZW50XCI7XG4gIGFkZFRhZ3M6IHN0cmluZztcbiAgdGVhbTogXCJiaWxsaW5nXCIgfCBcInNoaXBwaW5nXCIgfCBcInBsYXRmb3JtXCIgfCBcImFjY291bnRzXCI7XG59XG5cbmV4cG9ydCBpbnRlcmZhY2UgT3V0cHV0IHtcbiAgdGlja2V0SWQ6IHN0cmluZztcbiAgYXNzaWduZWU6IHN0cmluZztcbiAgcHJpb3JpdHk6IHN0cmluZztcbn1cblxuLyoqIEVzY2FsYXRlIHRpY2tldCA8dGlja2V0SWQ+OiBtYWtlIGl0IDxwcmlvcml0eT4sIHRhZyBpdCA8YWRkVGFncz4gYW5kIGFzc2lnbiBpdCB0byB0aGUgPHRlYW0+IHRlYW0gbGVhZC4gKHRyYWNlLWNvbXBpbGVkIGZyb20gZXNjYWxhdGUtVC0xMDA1LikgKi9cbmV4cG9ydCBkZWZhdWx0IGFzeW5jIGZ1bmN0aW9uIGVzY2FsYXRlVGlja2V0TWFrZShpbnB1dDogSW5wdXQsIHRvb2xzOiBUb29scyk6IFByb21pc2U8T3V0cHV0PiB7XG4gIC8vIGVzY2FsYXRlLVQtMTAwNSBzdGVwIDE6IHRpY2tldHMudXBkYXRlXG4gIGF3YWl0IHRvb2xzLnRpY2tldHMudXBkYXRlKHsgdGlja2V0SWQ6IGlucHV0LnRpY2tldElkLCBwcmlvcml0eTogaW5wdXQucHJpb3JpdHksIGFkZFRhZ3M6IFtpbnB1dC5hZGRUYWdzXSB9KTtcbiAgLy8gZXNjYWxhdGUtVC0xMDA1IHN0ZXAgMjogdGVhbS5saXN0X21lbWJlcnNcbiAgY29uc3QgbWVtYmVycyA9IGF3YWl0IHRvb2xzLnRlYW0ubGlzdF9tZW1iZXJzKHsgdGVhbTogaW5wdXQudGVhbSB9KTtcbiAgLy8gZXNjYWxhdGUtVC0xMDA1IHN0ZXAgMzogdGlja2V0cy5hc3NpZ25cbiAgY29uc3QgbGVhZE1lbWJlciA9IG1lbWJlcnMubWVtYmVycy5maW5kKChtZW1iZXIpID0+IG1lbWJlci5yb2xlID09PSBcImxlYWRcIik7XG4gIGlmICghbGVhZE1lbWJlcikgdGhyb3cgbmV3IEVycm9yKGBObyBtZW1iZXIgd2l0aCByb2xlIFwibGVhZFwiIHdhcyBmb3VuZC5gKTtcbiAgY29uc3QgYXNzaWduID0gYXdhaXQgdG9vbHMudGlja2V0cy5hc3NpZ24oeyB0aWNrZXRJZDogaW5wdXQudGlja2V0SWQsIGFzc2lnbmVlOiBsZWFkTWVtYmVyLmhhbmRsZSB9KTtcbiAgcmV0dXJuIHsgdGlja2V0SWQ6IGlucHV0LnRpY2tldElkLCBhc3NpZ25lZTogYXNzaWduLmFzc2lnbmVlLCBwcmlvcml0eTogaW5wdXQucHJpb3JpdHkgfTtcbn1cbiJdLAogICJtYXBwaW5ncyI6ICI7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7OztBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFFTyxNQUFNLE9BQU8sRUFBRSxNQUFNLHdCQUF3QixhQUFhLDBHQUEwRztBQWdCM0ssaUJBQU8sbUJBQTBDLE9BQWMsT0FBK0I7QUFFNUYsVUFBTSxNQUFNLFFBQVEsT0FBTyxFQUFFLFVBQVUsTUFBTSxVQUFVLFVBQVUsTUFBTSxVQUFVLFNBQVMsQ0FBQyxNQUFNLE9BQU8sRUFBRSxDQUFDO0FBRTNHLFVBQU0sVUFBVSxNQUFNLE1BQU0sS0FBSyxhQUFhLEVBQUUsTUFBTSxNQUFNLEtBQUssQ0FBQztBQUVsRSxVQUFNLGFBQWEsUUFBUSxRQUFRLEtBQUssQ0FBQyxXQUFXLE9BQU8sU0FBUyxNQUFNO0FBQzFFLFFBQUksQ0FBQyxXQUFZLE9BQU0sSUFBSSxNQUFNLHVDQUF1QztBQUN4RSxVQUFNLFNBQVMsTUFBTSxNQUFNLFFBQVEsT0FBTyxFQUFFLFVBQVUsTUFBTSxVQUFVLFVBQVUsV0FBVyxPQUFPLENBQUM7QUFDbkcsV0FBTyxFQUFFLFVBQVUsTUFBTSxVQUFVLFVBQVUsT0FBTyxVQUFVLFVBQVUsTUFBTSxTQUFTO0FBQUEsRUFDekY7IiwKICAibmFtZXMiOiBbXQp9Cg==
