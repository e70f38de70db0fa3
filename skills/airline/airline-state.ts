/** A fare class. Seats and prices are kept per cabin. */
export type Cabin = 'basic_economy' | 'economy' | 'business';

/** Seats or prices per cabin. */
export type PerCabin = Record<Cabin, number>;

/** How a flight stands on one date. Only `available` dates can be booked. */
export interface FlightDate {
  status: 'available' | 'delayed' | 'cancelled' | 'landed';
  available_seats: PerCabin;
  prices: PerCabin;
}

/** A scheduled flight and its dates (`YYYY-MM-DD`). Times are local, `HH:MM:SS`. */
export interface Flight {
  flight_number: string;
  origin: string;
  destination: string;
  scheduled_departure_time_est: string;
  scheduled_arrival_time_est: string;
  dates: Record<string, FlightDate>;
}

/** A way a user pays: a card, a gift card (with a balance) or a travel certificate (an amount). */
export interface PaymentMethod {
  id: string;
  source: 'credit_card' | 'gift_card' | 'certificate';
  brand?: string;
  last_four?: string;
  amount?: number;
}

/** A traveller on a reservation. */
export interface Passenger {
  first_name: string;
  last_name: string;
  dob: string;
}

/** A user of the airline. `membership` sets the free bags per passenger. */
export interface User {
  user_id: string;
  name: { first_name: string; last_name: string };
  email: string;
  dob: string;
  membership: 'regular' | 'silver' | 'gold';
  payment_methods: PaymentMethod[];
  saved_passengers: Passenger[];
  reservations: string[];
}

/** One leg of a reservation, with the price paid per passenger. */
export interface ReservationFlight {
  flight_number: string;
  date: string;
  origin: string;
  destination: string;
  price: number;
}

/** A payment (positive) or refund (negative) on a reservation. */
export interface PaymentRecord {
  payment_id: string;
  amount: number;
}

/** A booked trip. Cancelled reservations stay, with `status: 'cancelled'`. */
export interface Reservation {
  reservation_id: string;
  user_id: string;
  origin: string;
  destination: string;
  flight_type: 'one_way' | 'round_trip';
  cabin: Cabin;
  flights: ReservationFlight[];
  passengers: Passenger[];
  payment_history: PaymentRecord[];
  created_at: string;
  total_baggages: number;
  nonfree_baggages: number;
  insurance: 'yes' | 'no';
  status?: 'cancelled';
}

/** A conversation handed over to a human agent. */
export interface Transfer {
  summary: string;
  at: string;
}

/** The whole in-memory airline: what tools read and change. */
export interface AirlineState {
  /** The fixed clock (ISO time); moves one minute per change. */
  now: string;
  /** Counter behind new reservation and certificate ids. */
  sequence: number;
  airports: { iata: string; city: string }[];
  flights: Flight[];
  users: User[];
  reservations: Reservation[];
  transfers: Transfer[];
}
