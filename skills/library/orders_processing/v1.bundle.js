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

  // orders_processing.ts
  var orders_processing_exports = {};
  __export(orders_processing_exports, {
    default: () => ordersProcessing,
    meta: () => meta
  });
  var meta = { name: "orders_processing", description: "Which orders of <email> are still processing?" };
  async function ordersProcessing(input, tools) {
    const customer = await tools.find_customer({ email: input.email });
    const orders = await tools.list_orders({ customerId: customer.id, status: "processing" });
    return orders;
  }
  return __toCommonJS(orders_processing_exports);
})();
//# sourceMappingURL=data:application/json;base64,ewogICJ2ZXJzaW9uIjogMywKICAic291cmNlcyI6IFsib3JkZXJzX3Byb2Nlc3NpbmcudHMiXSwKICAic291cmNlc0NvbnRlbnQiOiBbImltcG9ydCB0eXBlIHsgVG9vbHMgfSBmcm9tIFwia25hY2s6dG9vbHNcIjtcblxuZXhwb3J0IGNvbnN0IG1ldGEgPSB7IG5hbWU6IFwib3JkZXJzX3Byb2Nlc3NpbmdcIiwgZGVzY3JpcHRpb246IFwiV2hpY2ggb3JkZXJzIG9mIDxlbWFpbD4gYXJlIHN0aWxsIHByb2Nlc3Npbmc/XCIgfSBhcyBjb25zdDtcblxuZXhwb3J0IGludGVyZmFjZSBJbnB1dCB7XG4gIGVtYWlsOiBzdHJpbmc7XG59XG5cbmV4cG9ydCBpbnRlcmZhY2UgT3V0cHV0IHtcbiAgb3JkZXJzOiB7XG4gICAgaWQ6IHN0cmluZztcbiAgICBzdGF0dXM6IHN0cmluZztcbiAgICBwbGFjZWRBdDogc3RyaW5nO1xuICAgIHRvdGFsOiBudW1iZXI7XG4gICAgaXRlbUNvdW50OiBudW1iZXI7XG4gIH1bXTtcbn1cblxuLyoqIFdoaWNoIG9yZGVycyBvZiA8ZW1haWw+IGFyZSBzdGlsbCBwcm9jZXNzaW5nPyAodHJhY2UtY29tcGlsZWQgZnJvbSBwcm9jZXNzaW5nLW9yZGVycy1hZGEsIHByb2Nlc3Npbmctb3JkZXJzLWdyYWNlLikgKi9cbmV4cG9ydCBkZWZhdWx0IGFzeW5jIGZ1bmN0aW9uIG9yZGVyc1Byb2Nlc3NpbmcoaW5wdXQ6IElucHV0LCB0b29sczogVG9vbHMpOiBQcm9taXNlPE91dHB1dD4ge1xuICAvLyBwcm9jZXNzaW5nLW9yZGVycy1hZGEgc3RlcCAxOiBmaW5kX2N1c3RvbWVyXG4gIGNvbnN0IGN1c3RvbWVyID0gYXdhaXQgdG9vbHMuZmluZF9jdXN0b21lcih7IGVtYWlsOiBpbnB1dC5lbWFpbCB9KTtcbiAgLy8gcHJvY2Vzc2luZy1vcmRlcnMtYWRhIHN0ZXAgMjogbGlzdF9vcmRlcnNcbiAgY29uc3Qgb3JkZXJzID0gYXdhaXQgdG9vbHMubGlzdF9vcmRlcnMoeyBjdXN0b21lcklkOiBjdXN0b21lci5pZCwgc3RhdHVzOiBcInByb2Nlc3NpbmdcIiB9KTtcbiAgcmV0dXJuIG9yZGVycztcbn1cbiJdLAogICJtYXBwaW5ncyI6ICI7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7OztBQUFBO0FBQUE7QUFBQTtBQUFBO0FBQUE7QUFFTyxNQUFNLE9BQU8sRUFBRSxNQUFNLHFCQUFxQixhQUFhLGdEQUFnRDtBQWlCOUcsaUJBQU8saUJBQXdDLE9BQWMsT0FBK0I7QUFFMUYsVUFBTSxXQUFXLE1BQU0sTUFBTSxjQUFjLEVBQUUsT0FBTyxNQUFNLE1BQU0sQ0FBQztBQUVqRSxVQUFNLFNBQVMsTUFBTSxNQUFNLFlBQVksRUFBRSxZQUFZLFNBQVMsSUFBSSxRQUFRLGFBQWEsQ0FBQztBQUN4RixXQUFPO0FBQUEsRUFDVDsiLAogICJuYW1lcyI6IFtdCn0K
